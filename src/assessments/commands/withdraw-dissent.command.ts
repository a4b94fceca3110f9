import { AssessmentChangeCommand, DomainCommand } from './assessment-change.command.js';

export class WithdrawDissentCommand extends AssessmentChangeCommand<DomainCommand<'WithdrawDissent'>> {
  readonly type = 'WithdrawDissent' as const;
}
