import { Inject, Optional } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { APP_CONFIG } from '../../config/app-config.js';
import type { AppConfig } from '../../config/app-config.js';
import { boundedTotal } from '../../common/pagination/bounded-total.js';
import { encodeCursor, ftsQuery } from '../../common/pagination/cursor.js';
import { LedgerMetrics } from '../../metrics/ledger-metrics.js';
import { ProjectionService } from '../../projections/projection.service.js';
import { ReadModelAnswerCache } from '../../projections/read-model-answer-cache.js';
import { ReadModelDatabase } from '../../projections/read-model-database.js';
import type { LikelihoodScale } from '../domain/likelihood-scales.js';
import type { AssessmentSummaryView } from './assessment.view.js';
import { AssessmentVersionRow, versionRowToView } from './assessment-version.row.js';
import {
  assessmentListSql,
  FILL_TEXT_HITS_SQL,
  RARE_TEXT_HITS,
  SqlParams,
  TEXT_HITS_HELD_SQL,
  versionRowsByIdSql,
  versionSourceFor,
} from './assessment-list.sql.js';
import type { AssessmentListSql, VersionSource } from './assessment-list.sql.js';
import { AssessmentList, ListAssessmentsQuery } from './list-assessments.query.js';

/** A page's row: the version, its sort value, and what breaks ties (the assessment's seq in a current list). */
type PageEntry = { id: number; sort_value: number; tie: number };

/** Version views kept (about 1 KB each). */
const VERSION_VIEWS_KEPT = 20_000;

@QueryHandler(ListAssessmentsQuery)
export class ListAssessmentsHandler implements IQueryHandler<ListAssessmentsQuery, AssessmentList> {
  private readonly answers: ReadModelAnswerCache<AssessmentList>;
  private readonly versionViews = new LRUCache<string, AssessmentSummaryView>({ max: VERSION_VIEWS_KEPT });
  private viewsGeneration = -1;
  private readonly countLimit: number;
  /** Which search's hits the temporary tables hold (and how many), as of which state of the read models. */
  private hitsInTempTables: { text: string; position: bigint; generation: number; count: number } | null = null;

  constructor(
    private readonly database: ReadModelDatabase,
    private readonly projections: ProjectionService,
    @Inject(APP_CONFIG) config: AppConfig,
    @Optional() metrics?: LedgerMetrics,
  ) {
    this.answers = new ReadModelAnswerCache(config.listCacheEntries, metrics && ((hit) => metrics.recordCacheLookup('list', hit)));
    this.countLimit = config.listCountLimit;
  }

  async execute(query: ListAssessmentsQuery): Promise<AssessmentList> {
    await this.projections.waitFor(query.minPosition);
    const position = this.projections.position;
    const text = query.filter.text === undefined ? undefined : ftsQuery(query.filter.text);
    // What readers see was published, so none of it awaits publication: no statement need read a row to say so.
    const noMatch = text === null || (query.filter.awaitingPublication === true && versionSourceFor(query.visibility).publishedOnly);
    if (noMatch) return { items: [], total: 0, totalIsLowerBound: false, nextCursor: null, position: position.toString() };

    const filter = { ...query.filter, text };
    const sql = assessmentListSql(filter, query.at, query.sort, query.page, query.visibility, { countLimit: this.countLimit });
    // The SQL and its parameters say everything the answer depends on but the scale of the views.
    const key = `${query.scale ?? ''}\n${sql.pageSql}\n${JSON.stringify(sql.params)}`;
    return this.answers.getOrCompute(key, { position, generation: this.database.generation }, () => {
      // How a search is best run depends on how many hits it has, which only the read models can tell.
      let planned = sql;
      if (text !== undefined) {
        const rareText = this.textHits(text, position) < RARE_TEXT_HITS;
        planned = assessmentListSql(filter, query.at, query.sort, query.page, query.visibility, { countLimit: this.countLimit, rareText, hitsInTempTables: true });
      }
      return this.run(planned, query, position.toString(), versionSourceFor(query.visibility));
    });
  }

  /**
   * Puts a search's hits into the temporary tables, unless they hold them for
   * this state of the read models already (the next page of the same search,
   * or the same search with other filters), and answers how many there are.
   * Synchronous, like the statements that read them, so no other request
   * runs in between.
   */
  private textHits(text: string, position: bigint): number {
    const held = this.hitsInTempTables;
    if (held !== null && held.text === text && held.position === position && held.generation === this.database.generation) return held.count;
    this.hitsInTempTables = null;
    const count = this.database.db.transaction(() => {
      for (const statement of FILL_TEXT_HITS_SQL) this.database.prepare<[{ text: string }]>(statement).run({ text });
      return this.database.prepare<[], { n: number }>(TEXT_HITS_HELD_SQL).get()!.n;
    })();
    this.hitsInTempTables = { text, position, generation: this.database.generation, count };
    return count;
  }

  /**
   * The views of these versions, in order. Everything a version's view shows
   * was fixed when the version was written (its validity interval, which the
   * view does not show, is all that changes later), so views are kept by
   * version id and survive the writes that empty the answer cache: only the
   * versions new since are read and built. A rebuilt file swapped in may
   * number its versions otherwise, so a swap empties them. Readers' versions
   * (another table, numbered apart) are kept under their own keys.
   */
  private viewsOf(ids: readonly number[], scale: LikelihoodScale | undefined, source: VersionSource): AssessmentSummaryView[] {
    if (this.database.generation !== this.viewsGeneration) {
      this.versionViews.clear();
      this.viewsGeneration = this.database.generation;
    }
    const keyOf = (id: number) => `${source.prefix}${id}|${scale ?? ''}`;
    const missing = ids.filter((id) => !this.versionViews.has(keyOf(id)));
    if (missing.length > 0) {
      const byId = this.database.prepareRows<[string], AssessmentVersionRow>(versionRowsByIdSql(source));
      for (const row of byId.all(JSON.stringify(missing))) this.versionViews.set(keyOf(row.id), versionRowToView(row, scale));
    }
    return ids.map((id) => this.versionViews.get(keyOf(id))!);
  }

  private run(sql: AssessmentListSql, query: ListAssessmentsQuery, position: string, source: VersionSource): AssessmentList {
    const counted = this.database.prepare<[SqlParams], { n: number }>(sql.countSql).get(sql.params)!.n;
    // Few matches are narrowed then sorted; many are met walking the sort order.
    const pageSql = counted < this.countLimit ? sql.fewMatchesPageSql : sql.pageSql;
    const entries = this.database.prepare<[SqlParams], PageEntry>(pageSql).all(sql.params);
    const page = entries.slice(0, query.page.limit);
    const last = page[page.length - 1];
    return {
      items: this.viewsOf(page.map((entry) => entry.id), query.scale, source),
      ...boundedTotal(counted, this.countLimit),
      nextCursor:
        entries.length > query.page.limit && last ? encodeCursor({ sort: sql.sortKey, value: last.sort_value, id: last.tie }) : null,
      position,
    };
  }
}
