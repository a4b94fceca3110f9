import { AssessmentChangeCommand, DomainCommand } from './assessment-change.command.js';

export class RecordOutcomeCommand extends AssessmentChangeCommand<DomainCommand<'RecordOutcome'>> {
  readonly type = 'RecordOutcome' as const;
}
