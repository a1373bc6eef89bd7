import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

export interface ExpiringLabel {
  spaceRef: string;
  spaceName: string;
  scheme: string;
  validUntil: string;
}

/**
 * Read-only look-up for the region dashboard: granted labels of a region that end soon. The labels
 * lib exports no read service for this, so the page reads the table directly.
 */
@Injectable()
export class StaffLabelsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async expiring(regionCode: string, from: string, until: string): Promise<ExpiringLabel[]> {
    const rows: Array<{ ref: string; name: string; scheme: string; valid_until: string }> =
      await this.dataSource.query(
        `SELECT s.ref, s.name, l.scheme, to_char(l.valid_until, 'YYYY-MM-DD') AS valid_until
         FROM labels l JOIN spaces s ON s.id = l.space_id
         WHERE s.region_code = $1 AND l.status = 'granted'
           AND l.valid_until BETWEEN $2::date AND $3::date
         ORDER BY l.valid_until, s.ref`,
        [regionCode, from, until],
      );
    return rows.map((r) => ({
      spaceRef: r.ref,
      spaceName: r.name,
      scheme: r.scheme,
      validUntil: r.valid_until,
    }));
  }
}
