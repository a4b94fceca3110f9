import { AssessmentChangeCommand, DomainCommand } from './assessment-change.command.js';

export class AddIndicatorCommand extends AssessmentChangeCommand<DomainCommand<'AddIndicator'>> {
  readonly type = 'AddIndicator' as const;
}
