import { AssessmentChangeCommand, DomainCommand } from './assessment-change.command.js';

export class StateAssumptionCommand extends AssessmentChangeCommand<DomainCommand<'StateAssumption'>> {
  readonly type = 'StateAssumption' as const;
}
