import type { ChangeBasis, Confidence, SourceReference, Subject } from './assessment-values.js';
import type { HorizonInput } from './horizons.js';
import type { LikelihoodInput } from './likelihood.js';

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
  | { readonly type: 'WithdrawAssessment'; readonly data: { readonly rationale: string } }
  | {
      readonly type: 'SupersedeAssessment';
      readonly data: { readonly supersededBy: string; readonly rationale: string };
    };

export type AssessmentCommandType = AssessmentCommand['type'];

/** Who asks, when, and for which moment the judgment stands. */
export interface CommandContext {
  readonly actor: string;
  /** Server clock at the time of the command. */
  readonly now: Date;
  /** When the judgment was made: `now` unless the caller backdates an import. */
  readonly effectiveAt: string;
}

export type { SourceReference };
