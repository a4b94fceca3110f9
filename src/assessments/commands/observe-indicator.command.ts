import { AssessmentChangeCommand, DomainCommand } from './assessment-change.command.js';

export class ObserveIndicatorCommand extends AssessmentChangeCommand<DomainCommand<'ObserveIndicator'>> {
  readonly type = 'ObserveIndicator' as const;
}
