import { AssessmentChangeCommand, DomainCommand } from './assessment-change.command.js';

export class RetractOutcomeCommand extends AssessmentChangeCommand<DomainCommand<'RetractOutcome'>> {
  readonly type = 'RetractOutcome' as const;
}
