import { AssessmentChangeCommand, DomainCommand } from './assessment-change.command.js';

export class WithdrawAssessmentCommand extends AssessmentChangeCommand<DomainCommand<'WithdrawAssessment'>> {
  readonly type = 'WithdrawAssessment' as const;
}
