import { AssessmentChangeCommand, DomainCommand } from './assessment-change.command.js';

export class PublishAssessmentCommand extends AssessmentChangeCommand<DomainCommand<'PublishAssessment'>> {
  readonly type = 'PublishAssessment' as const;
}
