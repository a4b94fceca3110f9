import { RecordDissentHandler } from './record-dissent.handler.js';
import { ReviseDissentHandler } from './revise-dissent.handler.js';
import { WithdrawDissentHandler } from './withdraw-dissent.handler.js';
import { ChangeClassificationHandler } from './change-classification.handler.js';
import { LinkEvidenceHandler } from './link-evidence.handler.js';
import { UnlinkEvidenceHandler } from './unlink-evidence.handler.js';
import { StateAssumptionHandler } from './state-assumption.handler.js';
import { ReviewAssumptionHandler } from './review-assumption.handler.js';
import { AddIndicatorHandler } from './add-indicator.handler.js';
import { ObserveIndicatorHandler } from './observe-indicator.handler.js';
import { RecordOutcomeHandler } from './record-outcome.handler.js';
import { RetractOutcomeHandler } from './retract-outcome.handler.js';
import { ChangeConfidenceHandler } from './change-confidence.handler.js';
import { ChangeHorizonHandler } from './change-horizon.handler.js';
import { ChangeLikelihoodHandler } from './change-likelihood.handler.js';
import { ChangeSubjectHandler } from './change-subject.handler.js';
import { DraftAssessmentHandler } from './draft-assessment.handler.js';
import { PublishAssessmentHandler } from './publish-assessment.handler.js';
import { RewordStatementHandler } from './reword-statement.handler.js';
import { SupersedeAssessmentHandler } from './supersede-assessment.handler.js';
import { WithdrawAssessmentHandler } from './withdraw-assessment.handler.js';

export const ASSESSMENT_COMMAND_HANDLERS = [
  DraftAssessmentHandler,
  RewordStatementHandler,
  ChangeLikelihoodHandler,
  ChangeConfidenceHandler,
  ChangeHorizonHandler,
  ChangeSubjectHandler,
  PublishAssessmentHandler,
  WithdrawAssessmentHandler,
  SupersedeAssessmentHandler,
  ChangeClassificationHandler,
  LinkEvidenceHandler,
  UnlinkEvidenceHandler,
  StateAssumptionHandler,
  ReviewAssumptionHandler,
  AddIndicatorHandler,
  ObserveIndicatorHandler,
  RecordOutcomeHandler,
  RetractOutcomeHandler,
  RecordDissentHandler,
  ReviseDissentHandler,
  WithdrawDissentHandler,
];
