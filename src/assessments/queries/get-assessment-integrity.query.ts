import type { Visibility } from '../../auth/principal.js';
import { Query } from '@nestjs/cqrs';
import type { ChainReport } from '../../integrity/chain-verification.js';

/** Recomputes one assessment's hash chain and reports the first revision that breaks it. */
export class GetAssessmentIntegrityQuery extends Query<ChainReport & { assessmentId: string }> {
  constructor(
    readonly assessmentId: string,
    readonly visibility?: Visibility,
  ) {
    super();
  }
}
