import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

export interface LabelPageSpace {
  id: string;
  ref: string;
  name: string;
  regionCode: string;
}

/**
 * Read-only look-ups the label pages need and the labels lib has no service for: the space's name
 * and which evaluation last evaluated it (the decision form rests on that one).
 */
@Injectable()
export class LabelPagesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async space(ref: string): Promise<LabelPageSpace | null> {
    const [row] = await this.dataSource.query(
      `SELECT id, ref, name, trim(region_code) AS "regionCode" FROM spaces WHERE ref = $1`,
      [ref],
    );
    return row ?? null;
  }

  /** The run of the newest stored result of the space (a one-space or a region run). */
  async latestEvaluationId(spaceId: string): Promise<string | null> {
    const [row] = await this.dataSource.query(
      `SELECT run_id AS id FROM label_evaluation_results WHERE space_id = $1
       ORDER BY evaluated_at DESC, id DESC LIMIT 1`,
      [spaceId],
    );
    return row?.id ?? null;
  }
}
