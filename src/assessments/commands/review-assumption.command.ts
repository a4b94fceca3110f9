import { AssessmentChangeCommand, DomainCommand } from './assessment-change.command.js';

export class ReviewAssumptionCommand extends AssessmentChangeCommand<DomainCommand<'ReviewAssumption'>> {
  readonly type = 'ReviewAssumption' as const;
}
