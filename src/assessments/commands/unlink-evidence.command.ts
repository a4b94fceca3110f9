import { AssessmentChangeCommand, DomainCommand } from './assessment-change.command.js';

export class UnlinkEvidenceCommand extends AssessmentChangeCommand<DomainCommand<'UnlinkEvidence'>> {
  readonly type = 'UnlinkEvidence' as const;
}
