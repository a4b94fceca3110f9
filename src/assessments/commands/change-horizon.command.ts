import { AssessmentChangeCommand, DomainCommand } from './assessment-change.command.js';

export class ChangeHorizonCommand extends AssessmentChangeCommand<DomainCommand<'ChangeHorizon'>> {
  readonly type = 'ChangeHorizon' as const;
}
