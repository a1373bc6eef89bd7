import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { notFound, validationFailed, type Principal } from '../../../core/src/index.js';
import { AuditService } from '../audit/audit.service.js';
import { brusselsWallClock } from '../rules/brussels-time.js';
import { pageOf } from '../shared/dto/page.dto.js';
import { versionConflict } from '../shared/versioned-update.js';
import type {
  CreateEquipmentDto,
  EquipmentDto,
  EquipmentListQueryDto,
  EquipmentPageDto,
  InServiceDto,
  UpdateEquipmentDto,
} from './dto/equipment.dto.js';
import './equipment.messages.js';
import {
  EquipmentRepository,
  equipmentWriteError,
  type EquipmentRecord,
  type EquipmentValues,
  type SpaceKey,
} from './equipment.repository.js';
import { inServiceCounts } from './in-service.rule.js';

const pad = (n: number) => String(n).padStart(2, '0');
const brusselsToday = () => {
  const w = brusselsWallClock(new Date());
  return `${w.year}-${pad(w.month)}-${pad(w.day)}`;
};

const toDto = ({ id: _id, ...rest }: EquipmentRecord): EquipmentDto => rest;

/** The snapshot kept in the audit trail (equipment holds no personal data). */
const snapshot = (r: EquipmentRecord) => ({ ...r });

const EDITABLE: ReadonlyArray<keyof EquipmentValues> = [
  'type',
  'quantity',
  'acquiredOn',
  'retiredOn',
  'provenance',
  'freeSoftware',
];

function checkDates(values: Pick<EquipmentValues, 'acquiredOn' | 'retiredOn'>): void {
  if (values.acquiredOn && values.retiredOn && values.retiredOn < values.acquiredOn) {
    throw validationFailed([{ field: 'retiredOn', message: 'retiredOn must be on or after acquiredOn' }]);
  }
}

/**
 * The equipment of a space. Routes have already checked the caller's scope on the space; every item is
 * then looked up by the space's id AND its ref, so no other space's item can be reached.
 */
@Injectable()
export class EquipmentService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repo: EquipmentRepository,
    private readonly audit: AuditService,
  ) {}

  private async space(ref: string): Promise<SpaceKey> {
    const space = await this.repo.spaceByRef(ref);
    if (!space) throw notFound('SPACES.NOT_FOUND', 'No such space.');
    return space;
  }

  async list(spaceRef: string, query: EquipmentListQueryDto): Promise<EquipmentPageDto> {
    const space = await this.space(spaceRef);
    const { page, pageSize, limit, offset } = pageOf(query);
    const { items, total } = await this.repo.list(space.id, { type: query.type, limit, offset });
    return { items: items.map(toDto), total, page, pageSize };
  }

  async get(spaceRef: string, ref: string): Promise<EquipmentDto> {
    const space = await this.space(spaceRef);
    const item = await this.repo.find(space.id, ref);
    if (!item) throw notFound('EQUIPMENT.NOT_FOUND', 'No such equipment at this space.');
    return toDto(item);
  }

  async create(principal: Principal, spaceRef: string, dto: CreateEquipmentDto): Promise<EquipmentDto> {
    const space = await this.space(spaceRef);
    const values: EquipmentValues = {
      type: dto.type,
      quantity: dto.quantity,
      acquiredOn: dto.acquiredOn ?? null,
      retiredOn: dto.retiredOn ?? null,
      provenance: dto.provenance ?? null,
      freeSoftware: dto.freeSoftware ?? null,
    };
    checkDates(values);
    try {
      return await this.dataSource.transaction(async (m) => {
        const created = await this.repo.insert(m, space.id, dto.ref, values);
        await this.audit.record(m, principal, [
          {
            action: 'create',
            entity: 'equipment',
            entityId: created.id,
            spaceId: space.id,
            regionCode: space.regionCode,
            after: snapshot(created),
          },
        ]);
        return toDto(created);
      });
    } catch (error) {
      throw equipmentWriteError(error);
    }
  }

  async update(
    principal: Principal,
    spaceRef: string,
    ref: string,
    dto: UpdateEquipmentDto,
  ): Promise<EquipmentDto> {
    const space = await this.space(spaceRef);
    const changes: Partial<EquipmentValues> = {};
    for (const field of EDITABLE) {
      if (dto[field] !== undefined) (changes as Record<string, unknown>)[field] = dto[field];
    }
    try {
      return await this.dataSource.transaction(async (m) => {
        const before = await this.repo.find(space.id, ref, { manager: m, lock: true });
        if (!before) throw notFound('EQUIPMENT.NOT_FOUND', 'No such equipment at this space.');
        // The row is locked: a version checked here cannot change before the UPDATE below.
        if (before.version !== dto.version) throw versionConflict('EQUIPMENT', before.version);
        checkDates({ ...before, ...changes });
        const after = await this.repo.update(m, space.id, ref, dto.version, changes);
        if (!after) throw notFound('EQUIPMENT.NOT_FOUND', 'No such equipment at this space.');
        await this.audit.record(m, principal, [
          {
            action: 'update',
            entity: 'equipment',
            entityId: after.id,
            spaceId: space.id,
            regionCode: space.regionCode,
            before: snapshot(before),
            after: snapshot(after),
          },
        ]);
        return toDto(after);
      });
    } catch (error) {
      throw equipmentWriteError(error);
    }
  }

  async remove(principal: Principal, spaceRef: string, ref: string): Promise<void> {
    const space = await this.space(spaceRef);
    await this.dataSource.transaction(async (m) => {
      const before = await this.repo.find(space.id, ref, { manager: m, lock: true });
      if (!before || !(await this.repo.delete(m, space.id, ref))) {
        throw notFound('EQUIPMENT.NOT_FOUND', 'No such equipment at this space.');
      }
      await this.audit.record(m, principal, [
        {
          action: 'delete',
          entity: 'equipment',
          entityId: before.id,
          spaceId: space.id,
          regionCode: space.regionCode,
          before: snapshot(before),
        },
      ]);
    });
  }

  async inService(spaceRef: string, on: string | undefined): Promise<InServiceDto> {
    const space = await this.space(spaceRef);
    const day = on ?? brusselsToday();
    const counts = inServiceCounts(await this.repo.inServiceQuantities(space.id, day));
    return { spaceRef: space.ref, on: day, ...counts };
  }
}
