/**
 * What the load generator sends. Plans are plain data so they can cross the
 * IPC channel to the autocannon child, which turns them into autocannon
 * request definitions (setupRequest / onResponse hooks) with requestsFor().
 */

/** Revisions (likelihood, confidence, statement in turn) of pre-drafted assessments, each against the revision last seen. */
export interface RevisionsPlan {
  readonly kind: 'revisions';
  readonly assessments: readonly PlannedAssessment[];
}

/** Where an assessment stands when a load begins: its revision and, if known, what its next changes must differ from. */
export interface PlannedAssessment {
  readonly id: string;
  readonly revision: number;
  /** Changes made to it so far (default 0); picks the next kind of change and numbers the wording. */
  readonly changes?: number;
  readonly confidence?: 'low' | 'moderate' | 'high';
  /** Its ICD 203 likelihood term, if it has one of the two the plan alternates. */
  readonly likelihoodTerm?: 'likely' | 'unlikely' | null;
}

/** GET /assessments/:id over the given ids in turn. */
export interface GetEachPlan {
  readonly kind: 'get-each';
  readonly ids: readonly string[];
}

/** GET of one fixed path (e.g. a filtered list). */
export interface GetPathPlan {
  readonly kind: 'get-path';
  readonly path: string;
}

export type LoadPlan = RevisionsPlan | GetEachPlan | GetPathPlan;

/** The state a plan tracks for one assessment: what the server holds after the last accepted change. */
interface TrackedAssessment {
  readonly id: string;
  revision: number;
  changes: number;
  confidence: 'low' | 'moderate' | 'high';
  likelihoodTerm: 'likely' | 'unlikely' | null;
}

import { BENCH_AUTH_HEADERS } from './bearer-token.js';

/** A minimal view of autocannon's request definition, enough for our hooks. */
export interface PlannedRequest {
  method: 'GET' | 'POST';
  path?: string;
  headers?: Record<string, string>;
  body?: string;
  setupRequest?: (request: PlannedRequest, context: Record<string, unknown>) => PlannedRequest;
  onResponse?: (status: number, body: string, context: Record<string, unknown>) => void;
}

// Sizes as in bench/lib/generate-history.ts: a ~25-word statement, a ~15-word rationale.
const STATEMENT =
  'Russian military pressure on the post-Soviet states is assessed to remain limited while resources stay committed to the war, with escalation in the frozen conflicts';
const RATIONALE = 'New reporting on force posture and logistics changes the balance of evidence behind this judgment';
const NEXT_CONFIDENCE = { low: 'moderate', moderate: 'high', high: 'low' } as const;

/**
 * Every connection takes an assessment that no other connection is revising,
 * sends the change against the revision the server last answered, and hands
 * the assessment back when the answer arrives. So the load spreads over all
 * assessments and no request can conflict, whatever the interleaving; each
 * body differs from the current value so none is refused as a no-op.
 */
function revisionRequests(plan: RevisionsPlan): PlannedRequest[] {
  const idle: TrackedAssessment[] = plan.assessments.map((a) => ({
    id: a.id,
    revision: a.revision,
    changes: a.changes ?? 0,
    confidence: a.confidence ?? 'moderate',
    likelihoodTerm: a.likelihoodTerm ?? null,
  }));
  const inFlight = new Map<string, TrackedAssessment>();
  const headers = { 'content-type': 'application/json', ...BENCH_AUTH_HEADERS };

  return [
    {
      method: 'POST',
      setupRequest(request, context) {
        const assessment = idle.shift();
        if (!assessment) throw new Error('more connections than assessments: every assessment is being revised');
        inFlight.set(assessment.id, assessment);
        context.assessmentId = assessment.id;
        const expectedRevision = assessment.revision;
        const rationale = `${RATIONALE} (change ${assessment.changes + 1}).`;
        let change: string;
        let body: Record<string, unknown>;
        switch (assessment.changes % 3) {
          case 0: {
            const term = assessment.likelihoodTerm === 'likely' ? 'unlikely' : 'likely';
            change = 'likelihood';
            body = { likelihood: { scale: 'icd203', term }, basis: 'new-information', rationale, expectedRevision };
            context.after = { likelihoodTerm: term };
            break;
          }
          case 1: {
            const confidence = NEXT_CONFIDENCE[assessment.confidence];
            change = 'confidence';
            body = { confidence, basis: 'new-reasoning', rationale, expectedRevision };
            context.after = { confidence };
            break;
          }
          default:
            change = 'statement';
            body = { statement: `${STATEMENT} (revision ${assessment.changes + 1}).`, rationale, expectedRevision };
            context.after = {};
        }
        return {
          ...request,
          path: `/assessments/${assessment.id}/${change}`,
          headers: { ...request.headers, ...headers },
          body: JSON.stringify(body),
        };
      },
      onResponse(status, body, context) {
        const assessment = inFlight.get(context.assessmentId as string);
        if (!assessment) return;
        inFlight.delete(assessment.id);
        try {
          const answer = JSON.parse(body) as { revision?: number; currentRevision?: number };
          if (status >= 200 && status < 300 && typeof answer.revision === 'number') {
            assessment.revision = answer.revision;
            assessment.changes += 1;
            Object.assign(assessment, context.after);
          } else if (status === 409 && typeof answer.currentRevision === 'number') {
            // Should not happen (no two connections share an assessment); resynchronise if it does.
            assessment.revision = answer.currentRevision;
          }
        } catch {
          // Not JSON: keep the tracked state; the status is counted by autocannon anyway.
        }
        idle.push(assessment);
      },
    },
  ];
}

function getEachRequests(plan: GetEachPlan): PlannedRequest[] {
  let next = 0;
  return [
    {
      method: 'GET',
      headers: { ...BENCH_AUTH_HEADERS },
      setupRequest(request) {
        const id = plan.ids[next++ % plan.ids.length];
        return { ...request, path: `/assessments/${id}` };
      },
    },
  ];
}

/** autocannon request definitions carrying out a plan; their state lives as long as the returned array. */
export function requestsFor(plan: LoadPlan): PlannedRequest[] {
  switch (plan.kind) {
    case 'revisions':
      return revisionRequests(plan);
    case 'get-each':
      return getEachRequests(plan);
    case 'get-path':
      return [{ method: 'GET', path: plan.path, headers: { ...BENCH_AUTH_HEADERS } }];
  }
}
