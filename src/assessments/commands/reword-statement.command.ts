import { AssessmentChangeCommand, DomainCommand } from './assessment-change.command.js';

export class RewordStatementCommand extends AssessmentChangeCommand<DomainCommand<'RewordStatement'>> {
  readonly type = 'RewordStatement' as const;
}
