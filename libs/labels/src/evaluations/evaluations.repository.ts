import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { Principal } from '../../../core/src/index.js';
import { spaceScopeCondition } from '../../../spaces/src/index.js';
import type { StoredCriterion, StoredEvidence } from '../rules/space-evaluation.rule.js';
import type { EvaluationStatus } from './evaluation-run.entity.js';

export interface EvaluationRun {
  id: string;
  scheme: string;
  schemeVersion: string;
  regionCode: string;
  spaceId: string | null;
  spaceRef: string | null;
  until: string;
  windowFrom: string;
  windowTo: string;
  status: EvaluationStatus;
  total: number;
  evaluated: number;
  eligibleCount: number | null;
  createdAt: Date;
  finishedAt: Date | null;
}

export interface StoredResult {
  spaceId: string;
  spaceRef: string;
  spaceName: string;
  eligible: boolean;
  weeksWithData: number;
  criteria: StoredCriterion[];
  evidence: StoredEvidence;
  evaluatedAt: Date;
}

export interface NewResult {
  spaceId: string;
  eligible: boolean;
  weeksWithData: number;
  criteria: StoredCriterion[];
  evidence: StoredEvidence;
}

const RUN_COLUMNS = `r.id, r.scheme, r.scheme_version AS "schemeVersion", trim(r.region_code) AS "regionCode",
  r.space_id AS "spaceId", s.ref AS "spaceRef", r.until::text AS until, r.window_from::text AS "windowFrom",
  r.window_to::text AS "windowTo", r.status, r.total, r.eligible_count AS "eligibleCount",
  r.created_at AS "createdAt", r.finished_at AS "finishedAt",
  (SELECT count(*)::int FROM label_evaluation_results x WHERE x.run_id = r.id) AS evaluated`;

/** All SQL of evaluation runs and their stored results. */
@Injectable()
export class EvaluationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** The number of spaces a region's run covers, fixed when the run fans out. */
  async setTotal(runId: string, total: number): Promise<void> {
    await this.dataSource.query(`UPDATE label_evaluation_runs SET total = $2 WHERE id = $1`, [runId, total]);
  }

  /** The spaces of a region to evaluate: open on `until` (antennas included: they have their own figures). */
  async spacesOfRegion(region: string, until: string): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `SELECT id FROM spaces WHERE region_code = $1 AND opened_on <= $2::date
         AND (closed_on IS NULL OR closed_on >= $2::date) ORDER BY ref`,
      [region, until],
    );
    return rows.map((r) => r.id);
  }

  async spaceByRef(ref: string): Promise<{ id: string; regionCode: string } | null> {
    const [row] = await this.dataSource.query(
      `SELECT id, trim(region_code) AS "regionCode" FROM spaces WHERE ref = $1`,
      [ref],
    );
    return row ?? null;
  }

  async createRun(
    run: {
      scheme: string;
      schemeVersion: string;
      regionCode: string;
      spaceId: string | null;
      until: string;
      windowFrom: string;
      windowTo: string;
      total: number;
      requestedBy: string;
    },
    manager: EntityManager = this.dataSource.manager,
  ): Promise<{ id: string; status: EvaluationStatus }> {
    const [row] = await manager.query(
      `INSERT INTO label_evaluation_runs (scheme, scheme_version, region_code, space_id, until, window_from, window_to,
         total, requested_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id, status`,
      [
        run.scheme,
        run.schemeVersion,
        run.regionCode,
        run.spaceId,
        run.until,
        run.windowFrom,
        run.windowTo,
        run.total,
        run.requestedBy,
      ],
    );
    return row;
  }

  async findRun(id: string): Promise<EvaluationRun | null> {
    const [row] = await this.dataSource.query(
      `SELECT ${RUN_COLUMNS} FROM label_evaluation_runs r LEFT JOIN spaces s ON s.id = r.space_id WHERE r.id = $1`,
      [id],
    );
    return row ?? null;
  }

  /**
   * Stores results and brings the run up to date in ONE statement, whatever their number, so a crash
   * never leaves results next to a run that still says it is queued: a region run is running (its
   * parent job closes it); a one-space run is done, or failed when its space could not be measured
   * (it vanished). Keyed by (run, space): a retried or duplicated job finds its rows already there and
   * stores nothing (the first result of a run stands). A run already closed is left as it is.
   */
  async storeResults(runId: string, results: readonly NewResult[]): Promise<void> {
    if (results.length === 0) return this.touchRun(runId, false);
    await this.dataSource.query(
      `WITH stored AS (
         INSERT INTO label_evaluation_results (run_id, space_id, eligible, weeks_with_data, criteria, evidence)
         SELECT $1, x.space_id, x.eligible, x.weeks_with_data, x.criteria, x.evidence
         FROM jsonb_to_recordset($2::jsonb) AS x(space_id uuid, eligible boolean, weeks_with_data int, criteria jsonb,
           evidence jsonb)
         ON CONFLICT (run_id, space_id) DO NOTHING
         RETURNING eligible
       ),
       -- The statement's snapshot does not see the rows it inserts: they are counted from "stored".
       counted AS (
         SELECT (SELECT count(*)::int FROM label_evaluation_results x WHERE x.run_id = $1)
                  + (SELECT count(*)::int FROM stored) AS evaluated,
                (SELECT count(*) FILTER (WHERE x.eligible)::int FROM label_evaluation_results x WHERE x.run_id = $1)
                  + (SELECT count(*) FILTER (WHERE eligible)::int FROM stored) AS eligible
       )
       UPDATE label_evaluation_runs r
       SET status = CASE WHEN r.space_id IS NULL THEN 'running'
                         WHEN c.evaluated >= r.total THEN 'done' ELSE 'failed' END,
           eligible_count = c.eligible,
           finished_at = CASE WHEN r.space_id IS NOT NULL THEN COALESCE(r.finished_at, now()) END
       FROM counted c
       WHERE r.id = $1 AND r.status NOT IN ('done', 'failed')`,
      [
        runId,
        JSON.stringify(
          results.map((r) => ({
            space_id: r.spaceId,
            eligible: r.eligible,
            weeks_with_data: r.weeksWithData,
            criteria: r.criteria,
            evidence: r.evidence,
          })),
        ),
      ],
    );
  }

  /**
   * Brings the run up to date from its stored results, in one statement that also counts the eligible
   * spaces. A region run is running until `finish` (its parent job, after every batch); then, like a
   * one-space run, it is done when every space has a result and failed when some have none (a batch
   * that failed for good): a run never reads as complete when it is not.
   */
  async touchRun(runId: string, finish: boolean): Promise<void> {
    await this.dataSource.query(
      `UPDATE label_evaluation_runs r
       SET status = CASE WHEN r.space_id IS NULL AND NOT $2::boolean THEN 'running'
                         WHEN c.evaluated >= r.total THEN 'done' ELSE 'failed' END,
           eligible_count = c.eligible,
           finished_at = CASE WHEN r.space_id IS NULL AND NOT $2::boolean THEN NULL
                              ELSE COALESCE(r.finished_at, now()) END
       FROM (SELECT count(*)::int AS evaluated, count(*) FILTER (WHERE eligible)::int AS eligible
             FROM label_evaluation_results WHERE run_id = $1) c
       WHERE r.id = $1 AND (r.status NOT IN ('done', 'failed') OR $2::boolean)`,
      [runId, finish],
    );
  }

  /** A run whose job failed for good: failed, unless it already finished. */
  async markFailed(runId: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE label_evaluation_runs SET status = 'failed', finished_at = COALESCE(finished_at, now())
       WHERE id = $1 AND status <> 'done'`,
      [runId],
    );
  }

  /**
   * Whether the caller may read a run: admins any; regional staff runs of their region; coordinators
   * runs touching one of their spaces.
   */
  async visibleTo(principal: Principal, run: EvaluationRun): Promise<boolean> {
    if (principal.role === 'admin') return true;
    if (principal.role === 'regional_staff') return principal.regionCode === run.regionCode;
    const params: unknown[] = [run.id];
    const scope = spaceScopeCondition(principal, 's', params);
    const [row] = await this.dataSource.query(
      `SELECT EXISTS (
         SELECT 1 FROM label_evaluation_runs r JOIN spaces s
           ON (r.space_id = s.id OR (r.space_id IS NULL AND s.region_code = r.region_code))
         WHERE r.id = $1 AND ${scope}) AS visible`,
      params,
    );
    return row.visible === true;
  }

  /** The results of a run the caller may see (coordinators: only their spaces). */
  results(principal: Principal, runId: string): Promise<StoredResult[]> {
    const params: unknown[] = [runId];
    const scope = spaceScopeCondition(principal, 's', params);
    return this.dataSource.query(
      `SELECT x.space_id AS "spaceId", s.ref AS "spaceRef", s.name AS "spaceName", x.eligible,
              x.weeks_with_data AS "weeksWithData", x.criteria, x.evidence, x.evaluated_at AS "evaluatedAt"
       FROM label_evaluation_results x JOIN spaces s ON s.id = x.space_id
       WHERE x.run_id = $1 AND ${scope}
       ORDER BY s.ref`,
      params,
    );
  }

  /** One space's result in a run, for a decision resting on it. */
  async resultOf(runId: string, spaceId: string): Promise<{ eligible: boolean } | null> {
    const [row] = await this.dataSource.query(
      `SELECT eligible FROM label_evaluation_results WHERE run_id = $1 AND space_id = $2`,
      [runId, spaceId],
    );
    return row ?? null;
  }
}
