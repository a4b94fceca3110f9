import { AssessmentChangeCommand, DomainCommand } from './assessment-change.command.js';

export class ChangeConfidenceCommand extends AssessmentChangeCommand<DomainCommand<'ChangeConfidence'>> {
  readonly type = 'ChangeConfidence' as const;
}
