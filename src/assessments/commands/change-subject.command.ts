import { AssessmentChangeCommand, DomainCommand } from './assessment-change.command.js';

export class ChangeSubjectCommand extends AssessmentChangeCommand<DomainCommand<'ChangeSubject'>> {
  readonly type = 'ChangeSubject' as const;
}
