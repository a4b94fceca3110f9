import type { ChangeBasis, Confidence, SourceReference, Subject } from './assessment-values.js';
import type { HorizonInput } from './horizons.js';
import type { LikelihoodInput } from './likelihood.js';
import type {
  AssumptionVerdict,
  Credibility,
  EvidenceBearing,
  IndicatorDirection,
  Outcome,
  Reliability,
} from './tradecraft-values.js';

/** What a caller asks of an assessment; `decide` turns it into events or refuses. */
export type AssessmentCommand =
  | {
      readonly type: 'DraftAssessment';
      readonly data: {
        readonly assessmentId: string;
        readonly statement: string;
        readonly likelihood: LikelihoodInput;
        readonly confidence: Confidence;
        readonly horizon: HorizonInput;
        readonly subject: Subject;
        readonly source?: { readonly document: string; readonly section?: string | null } | null;
        readonly classification?: string;
        readonly rationale: string;
      };
    }
  | { readonly type: 'RewordStatement'; readonly data: { readonly statement: string; readonly rationale: string } }
  | {
      readonly type: 'ChangeLikelihood';
      readonly data: { readonly likelihood: LikelihoodInput; readonly basis: ChangeBasis; readonly rationale: string };
    }
  | {
      readonly type: 'ChangeConfidence';
      readonly data: { readonly confidence: Confidence; readonly basis: ChangeBasis; readonly rationale: string };
    }
  | { readonly type: 'ChangeHorizon'; readonly data: { readonly horizon: HorizonInput; readonly rationale: string } }
  | { readonly type: 'ChangeSubject'; readonly data: { readonly subject: Subject; readonly rationale: string } }
  | { readonly type: 'PublishAssessment'; readonly data: { readonly rationale: string } }
  | { readonly type: 'ChangeClassification'; readonly data: { readonly classification: string; readonly rationale: string } }
  | { readonly type: 'WithdrawAssessment'; readonly data: { readonly rationale: string } }
  | {
      readonly type: 'SupersedeAssessment';
      readonly data: { readonly supersededBy: string; readonly rationale: string };
    }
  | {
      readonly type: 'LinkEvidence';
      readonly data: {
        readonly evidenceId: string;
        readonly title: string;
        readonly source: string;
        readonly reliability: Reliability;
        readonly credibility: Credibility;
        readonly bearing: EvidenceBearing;
        readonly url?: string | null;
        readonly excerpt?: string | null;
        readonly rationale: string;
      };
    }
  | { readonly type: 'UnlinkEvidence'; readonly data: { readonly evidenceId: string; readonly rationale: string } }
  | {
      readonly type: 'StateAssumption';
      readonly data: { readonly assumptionId: string; readonly text: string; readonly linchpin: boolean; readonly rationale: string };
    }
  | {
      readonly type: 'ReviewAssumption';
      readonly data: { readonly assumptionId: string; readonly verdict: AssumptionVerdict; readonly rationale: string };
    }
  | {
      readonly type: 'AddIndicator';
      readonly data: {
        readonly indicatorId: string;
        readonly text: string;
        readonly direction: IndicatorDirection;
        readonly rationale: string;
      };
    }
  | {
      readonly type: 'ObserveIndicator';
      readonly data: {
        readonly indicatorId: string;
        readonly observationId: string;
        readonly observation: string;
        readonly observedAt: string;
        readonly rationale: string;
      };
    }
  | { readonly type: 'RecordOutcome'; readonly data: { readonly outcome: Outcome; readonly knownAt: string; readonly rationale: string } }
  | { readonly type: 'RetractOutcome'; readonly data: { readonly rationale: string } }
  | { readonly type: 'RecordDissent'; readonly data: DissentInput }
  | { readonly type: 'ReviseDissent'; readonly data: DissentInput }
  | { readonly type: 'WithdrawDissent'; readonly data: { readonly dissentId: string; readonly rationale: string } };

/** What a dissenter states: at least one of likelihood and confidence. */
export interface DissentInput {
  readonly dissentId: string;
  readonly likelihood?: LikelihoodInput | null;
  readonly confidence?: Confidence | null;
  readonly evidenceIds?: readonly string[];
  readonly rationale: string;
}

export type AssessmentCommandType = AssessmentCommand['type'];

/** Who asks, when, and for which moment the judgment stands. */
export interface CommandContext {
  readonly actor: string;
  /** Server clock at the time of the command. */
  readonly now: Date;
  /** When the judgment was made: `now` unless the caller backdates an import. */
  readonly effectiveAt: string;
  /** The markings in use, lowest first (configuration); the defaults when not given. */
  readonly classifications?: readonly string[];
}

export type { SourceReference };
