import type { Visibility } from '../../auth/principal.js';
import { Query } from '@nestjs/cqrs';
import type { BoundedTotal } from '../../common/pagination/bounded-total.js';

export interface AuditFilter {
  readonly actor?: string;
  readonly types?: readonly string[];
  readonly assessmentId?: string;
  /** Recorded-time range, epoch ms: [from, to). */
  readonly recordedFrom?: number;
  readonly recordedTo?: number;
  /** Effective-time range, epoch ms: [from, to). */
  readonly effectiveFrom?: number;
  readonly effectiveTo?: number;
}

export interface AuditEntryView {
  readonly position: string;
  readonly assessmentId: string;
  readonly revision: number;
  readonly type: string;
  readonly actor: string;
  readonly recordedAt: string;
  readonly effectiveAt: string;
  readonly rationale: string | null;
  readonly basis: string | null;
  /** Fields of the judgment this event changed: `{ field: { from, to } }`. */
  readonly changes: Record<string, { readonly from: unknown; readonly to: unknown }>;
  /** For evidence, assumptions, indicators and outcomes: what was linked, stated, seen or recorded. */
  readonly details: Record<string, unknown> | null;
  readonly eventId: string;
  readonly correlationId: string | null;
  readonly causationId: string | null;
}

export interface AuditFeed extends BoundedTotal {
  readonly items: AuditEntryView[];
  readonly nextCursor: string | null;
  readonly position: string;
}

/** The change feed across all assessments: who changed what, when, why and on what basis. */
export class ListAuditEntriesQuery extends Query<AuditFeed> {
  constructor(
    readonly filter: AuditFilter,
    readonly page: { readonly limit: number; readonly cursor?: string; readonly ascending: boolean },
    readonly minPosition?: bigint,
    readonly visibility?: Visibility,
  ) {
    super();
  }
}
