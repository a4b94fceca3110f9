import { AssessmentChangeCommand, DomainCommand } from './assessment-change.command.js';

export class LinkEvidenceCommand extends AssessmentChangeCommand<DomainCommand<'LinkEvidence'>> {
  readonly type = 'LinkEvidence' as const;
}
