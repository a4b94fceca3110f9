import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { shareAnswer } from '../../common/http/shared-answer-json.js';
import { AssessmentRepository, FoldLimit } from '../application/assessment.repository.js';
import type { AssessmentState } from '../domain/assessment-state.js';
import { AssessmentNotFoundError } from '../domain/domain-errors.js';
import type { JudgmentLines } from '../domain/judgment-lines.js';
import type { LikelihoodScale } from '../domain/likelihood-scales.js';
import { readerView } from '../domain/reader-view.js';
import { AssessmentView, toAssessmentView } from './assessment.view.js';
import { GetAssessmentQuery } from './get-assessment.query.js';
import { assertVisible } from './visibility.js';

@QueryHandler(GetAssessmentQuery)
export class GetAssessmentHandler implements IQueryHandler<GetAssessmentQuery, AssessmentView> {
  constructor(private readonly repository: AssessmentRepository) {}

  async execute({ assessmentId, limit, scale, visibility }: GetAssessmentQuery): Promise<AssessmentView> {
    const state = await this.repository.load(assessmentId, limit);
    let head: AssessmentState | null = limit.kind === 'head' ? state : null;
    if (visibility) {
      head ??= await this.repository.load(assessmentId);
      assertVisible(assessmentId, visibility, head, state);
    }
    // Asking for a revision past the head is asking for something that does not exist (yet). For a
    // reader the head is the last change readers may see: one past it is no more there than one past
    // the stream's head, so the changes awaiting publication cannot be counted by probing.
    const pastHead = limit.kind === 'revision' && (state?.revision !== limit.revision || (visibility?.publishedOnly && beyondReaders(head, limit.revision)));
    if (state === null || pastHead) {
      const exists = state !== null || (await this.repository.load(assessmentId, { kind: 'revision', revision: 0 })) !== null;
      throw new AssessmentNotFoundError(assessmentId, notFoundDetail(limit, exists));
    }
    // Only a resolved assessment is scored, and only scoring needs the judgment lines.
    const judged = state.outcome === null ? null : await this.repository.loadJudged(assessmentId, limit);
    const folded = judged?.state ?? state;
    const asPublished = visibility?.publishedOnly === true;
    return viewOf(asPublished ? readerViewOf(folded) : folded, judged?.judgments ?? null, scale, asPublished);
  }
}

function beyondReaders(head: AssessmentState | null, revision: number): boolean {
  const seen = head?.publicView;
  return seen != null && revision > seen.revision;
}

/** Reader views by folded state, so that a view of one is built once too (see `views`). */
const readerViews = new WeakMap<AssessmentState, AssessmentState>();

function readerViewOf(state: AssessmentState): AssessmentState {
  let seen = readerViews.get(state);
  if (seen === undefined) {
    // assertVisible let only published assessments through to a reader.
    seen = readerView(state)!;
    readerViews.set(state, seen);
  }
  return seen;
}

/**
 * Views already built, by folded state and scale. A folded state is immutable
 * and the fold cache hands out the same object until the stream moves, so a
 * busy assessment's view is built once per revision, not once per request;
 * the entries go when the fold cache lets go of the state.
 */
const views = new WeakMap<AssessmentState, Map<LikelihoodScale | undefined, AssessmentView>>();

function viewOf(state: AssessmentState, judgments: JudgmentLines | null, scale: LikelihoodScale | undefined, asPublished: boolean): AssessmentView {
  let byScale = views.get(state);
  let view = byScale?.get(scale);
  if (view === undefined) {
    // A reader's state is an object of its own (readerViewOf), so its views never mix with others'.
    view = shareAnswer(toAssessmentView(state, judgments, scale, asPublished));
    if (byScale === undefined) views.set(state, (byScale = new Map()));
    byScale.set(scale, view);
  }
  return view;
}

function notFoundDetail(limit: FoldLimit, exists: boolean): string {
  if (!exists) return 'does not exist';
  switch (limit.kind) {
    case 'revision':
      return `has no revision ${limit.revision}`;
    case 'effective':
      return `did not exist yet at effective time ${new Date(limit.at).toISOString()}`;
    case 'recorded':
      return `was not recorded yet at ${new Date(limit.at).toISOString()}`;
    default:
      return 'does not exist';
  }
}
