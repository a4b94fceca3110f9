import { AssessmentChangeCommand, DomainCommand } from './assessment-change.command.js';

export class ChangeLikelihoodCommand extends AssessmentChangeCommand<DomainCommand<'ChangeLikelihood'>> {
  readonly type = 'ChangeLikelihood' as const;
}
