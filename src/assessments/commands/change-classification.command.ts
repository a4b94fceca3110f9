import { AssessmentChangeCommand, DomainCommand } from './assessment-change.command.js';

export class ChangeClassificationCommand extends AssessmentChangeCommand<DomainCommand<'ChangeClassification'>> {
  readonly type = 'ChangeClassification' as const;
}
