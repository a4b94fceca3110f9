import { AssessmentChangeCommand, DomainCommand } from './assessment-change.command.js';

export class RecordDissentCommand extends AssessmentChangeCommand<DomainCommand<'RecordDissent'>> {
  readonly type = 'RecordDissent' as const;
}
