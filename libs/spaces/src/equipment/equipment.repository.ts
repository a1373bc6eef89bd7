import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { findSpaceKey, type SpaceKey } from '../shared/space-key.js';
export type { SpaceKey } from '../shared/space-key.js';
import { answerConstraintViolation, conflict } from '../../../core/src/index.js';
import { updateVersioned } from '../shared/versioned-update.js';
import type { EquipmentType, Provenance } from './equipment.entity.js';
import { inServiceSql } from './in-service.rule.js';

/** An equipment row in the API's shape (dates as `YYYY-MM-DD`). */
export interface EquipmentRecord {
  id: string;
  spaceRef: string;
  ref: string;
  type: EquipmentType;
  quantity: number;
  acquiredOn: string | null;
  retiredOn: string | null;
  provenance: Provenance | null;
  freeSoftware: boolean | null;
  version: number;
}

export interface EquipmentValues {
  type: EquipmentType;
  quantity: number;
  acquiredOn: string | null;
  retiredOn: string | null;
  provenance: Provenance | null;
  freeSoftware: boolean | null;
}

const COLUMNS = `e.id, s.ref AS space_ref, e.ref, e.type, e.quantity, e.acquired_on::text AS acquired_on,
  e.retired_on::text AS retired_on, e.provenance, e.free_software, e.version`;

const toRecord = (r: Record<string, any>): EquipmentRecord => ({
  id: r.id,
  spaceRef: r.space_ref,
  ref: r.ref,
  type: r.type,
  quantity: Number(r.quantity),
  acquiredOn: r.acquired_on ?? null,
  retiredOn: r.retired_on ?? null,
  provenance: r.provenance ?? null,
  freeSoftware: r.free_software ?? null,
  version: Number(r.version),
});

/** Maps entity field names to columns, for versioned updates (names come from code, never from input). */
const COLUMN_OF: Record<keyof EquipmentValues, string> = {
  type: 'type',
  quantity: 'quantity',
  acquiredOn: 'acquired_on',
  retiredOn: 'retired_on',
  provenance: 'provenance',
  freeSoftware: 'free_software',
};

/** Which field a broken database check is about, so that the caller gets a 400 naming it. */
const CHECK_FIELDS: Record<string, { field: string; message: string }> = {
  ck_equipment_type: { field: 'type', message: 'type is not a known equipment type' },
  ck_equipment_provenance: { field: 'provenance', message: 'provenance is not a known provenance' },
  ck_equipment_quantity: { field: 'quantity', message: 'quantity must be at least 1' },
  ck_equipment_dates: { field: 'retiredOn', message: 'retiredOn must be on or after acquiredOn' },
};

/** Database refusals caused by the caller's input, answered as a 409 or a 400 naming the field. */
export const equipmentWriteError = (error: unknown): unknown =>
  answerConstraintViolation(error, {
    conflicts: {
      uq_equipment_key: () =>
        conflict('EQUIPMENT.REF_TAKEN', 'This space already has equipment with this reference.'),
    },
    fields: CHECK_FIELDS,
  });

/** All SQL of the equipment register. Every item is reached through its space id AND its ref. */
@Injectable()
export class EquipmentRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  spaceByRef(ref: string): Promise<SpaceKey | null> {
    return findSpaceKey(this.dataSource, ref);
  }

  async list(
    spaceId: string,
    filter: { type?: EquipmentType; limit: number; offset: number },
  ): Promise<{ items: EquipmentRecord[]; total: number }> {
    const params: unknown[] = [spaceId];
    let condition = 'e.space_id = $1';
    if (filter.type) {
      params.push(filter.type);
      condition += ` AND e.type = $${params.length}`;
    }
    params.push(filter.limit, filter.offset);
    const rows: Array<Record<string, any>> = await this.dataSource.query(
      `SELECT ${COLUMNS}, count(*) OVER () AS total
       FROM equipment e JOIN spaces s ON s.id = e.space_id
       WHERE ${condition}
       ORDER BY e.ref LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    );
    return { items: rows.map(toRecord), total: rows.length ? Number(rows[0].total) : 0 };
  }

  /** `lock` takes the row lock, so that the snapshot read before an update is the one replaced. */
  async find(
    spaceId: string,
    ref: string,
    options: { manager?: EntityManager; lock?: boolean } = {},
  ): Promise<EquipmentRecord | null> {
    const rows: Array<Record<string, any>> = await (options.manager ?? this.dataSource.manager).query(
      `SELECT ${COLUMNS} FROM equipment e JOIN spaces s ON s.id = e.space_id
       WHERE e.space_id = $1 AND e.ref = $2 ${options.lock ? 'FOR UPDATE OF e' : ''}`,
      [spaceId, ref],
    );
    return rows.length ? toRecord(rows[0]) : null;
  }

  async insert(
    m: EntityManager,
    spaceId: string,
    ref: string,
    values: EquipmentValues,
  ): Promise<EquipmentRecord> {
    await m.query(
      `INSERT INTO equipment (space_id, ref, type, quantity, acquired_on, retired_on, provenance, free_software)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        spaceId,
        ref,
        values.type,
        values.quantity,
        values.acquiredOn,
        values.retiredOn,
        values.provenance,
        values.freeSoftware,
      ],
    );
    return (await this.find(spaceId, ref, { manager: m }))!;
  }

  /** Versioned update (409 on a stale version); null when the item does not exist at this space. */
  async update(
    m: EntityManager,
    spaceId: string,
    ref: string,
    version: number,
    changes: Partial<EquipmentValues>,
  ): Promise<EquipmentRecord | null> {
    const columns = Object.fromEntries(
      Object.entries(changes).map(([field, value]) => [COLUMN_OF[field as keyof EquipmentValues], value]),
    );
    const updated = await updateVersioned(m, {
      table: 'equipment',
      where: { space_id: spaceId, ref },
      version,
      changes: columns,
      area: 'EQUIPMENT',
    });
    return updated ? this.find(spaceId, ref, { manager: m }) : null;
  }

  async delete(m: EntityManager, spaceId: string, ref: string): Promise<boolean> {
    const rows: unknown[] = await m.query(
      `DELETE FROM equipment WHERE space_id = $1 AND ref = $2 RETURNING id`,
      [spaceId, ref],
    );
    return rows.length > 0;
  }

  /** Quantities in service on `on`, per type: one statement, with the rule's SQL condition. */
  async inServiceQuantities(spaceId: string, on: string): Promise<Record<string, number>> {
    const rows: Array<{ type: string; quantity: string }> = await this.dataSource.query(
      `SELECT e.type, sum(e.quantity) AS quantity FROM equipment e
       WHERE e.space_id = $1 AND ${inServiceSql('e', '$2')}
       GROUP BY e.type`,
      [spaceId, on],
    );
    return Object.fromEntries(rows.map((r) => [r.type, Number(r.quantity)]));
  }
}
