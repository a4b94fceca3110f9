import { Injectable } from '@nestjs/common';
import { ReadModelDatabase } from '../../projections/read-model-database.js';
import { SNAPSHOT_FORMAT } from '../application/assessment-snapshots.js';
import type { AssessmentSnapshot, AssessmentSnapshots } from '../application/assessment-snapshots.js';
import type { FoldLimit } from '../application/fold-limit.js';
import type { AssessmentState } from '../domain/assessment-state.js';

const LATEST_WITHIN = `
SELECT s.revision, s.event_id AS eventId, s.state
FROM assessment_keys k JOIN assessment_snapshots s ON s.seq = k.seq
WHERE k.assessment_id = ? AND s.format = ${SNAPSHOT_FORMAT} AND s.revision <= ? AND s.eff_at <= ? AND s.rec_at <= ?
ORDER BY s.revision DESC
LIMIT 1`;

interface SnapshotRow {
  readonly revision: number;
  readonly eventId: string;
  readonly state: string;
}

const UNBOUNDED = Number.MAX_SAFE_INTEGER;

/** Snapshots the assessment projector writes into the read-model file, read back for loads. */
@Injectable()
export class ReadModelAssessmentSnapshots implements AssessmentSnapshots {
  constructor(private readonly database: ReadModelDatabase) {}

  latestWithin(assessmentId: string, limit: FoldLimit): AssessmentSnapshot | null {
    const row = this.database
      .prepare<[string, number, number, number], SnapshotRow>(LATEST_WITHIN)
      .get(
        assessmentId,
        limit.kind === 'revision' ? limit.revision : UNBOUNDED,
        limit.kind === 'effective' ? limit.at : UNBOUNDED,
        limit.kind === 'recorded' ? limit.at : UNBOUNDED,
      );
    return row ? { revision: row.revision, eventId: row.eventId, state: JSON.parse(row.state) as AssessmentState } : null;
  }
}
