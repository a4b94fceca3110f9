import { AssessmentChangeCommand, DomainCommand } from './assessment-change.command.js';

export class SupersedeAssessmentCommand extends AssessmentChangeCommand<DomainCommand<'SupersedeAssessment'>> {
  readonly type = 'SupersedeAssessment' as const;
}
