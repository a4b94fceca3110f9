import { AssessmentChangeCommand, DomainCommand } from './assessment-change.command.js';

export class ReviseDissentCommand extends AssessmentChangeCommand<DomainCommand<'ReviseDissent'>> {
  readonly type = 'ReviseDissent' as const;
}
