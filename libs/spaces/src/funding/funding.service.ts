import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { notFound, type Principal } from '../../../core/src/index.js';
import { AuditService } from '../audit/audit.service.js';
import { brusselsWallClock } from '../rules/brussels-time.js';
import { pageOf } from '../shared/dto/page.dto.js';
import { versionConflict } from '../shared/versioned-update.js';
import type {
  CreateFundingDto,
  FundingDto,
  FundingListQueryDto,
  FundingPageDto,
  FundingSummaryDto,
  FundingWarningsDto,
  FundingWarningsQueryDto,
  UpdateFundingDto,
} from './dto/funding.dto.js';
import { FUNDING_KINDS, FUNDING_SOURCES, type FundingKind, type FundingSource } from './funding.entity.js';
import './funding.messages.js';
import {
  FundingRepository,
  fundingWriteError,
  type FundingValues,
  type SpaceKey,
} from './funding.repository.js';
import { monthsLeft, warningWindow, yearOf } from './warning-window.rule.js';

const DEFAULT_WARNING_MONTHS = 12;

const pad = (n: number) => String(n).padStart(2, '0');
const brusselsToday = () => {
  const w = brusselsWallClock(new Date());
  return `${w.year}-${pad(w.month)}-${pad(w.day)}`;
};

/** No programme is stored as '' (it is part of the key); blank input means none. */
const storedProgramme = (programme: string | null | undefined) => (programme ?? '').trim();

const notFoundHere = () => notFound('FUNDING.NOT_FOUND', 'No such funding for this space.');

/** Funding of a space: lines per year, totals per year, and warnings ahead of project funding ending. */
@Injectable()
export class FundingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repo: FundingRepository,
    private readonly audit: AuditService,
  ) {}

  private async space(ref: string): Promise<SpaceKey> {
    const space = await this.repo.spaceByRef(ref);
    if (!space) throw notFound('SPACES.NOT_FOUND', 'No such space.');
    return space;
  }

  async list(spaceRef: string, query: FundingListQueryDto): Promise<FundingPageDto> {
    const space = await this.space(spaceRef);
    const { page, pageSize, limit, offset } = pageOf(query);
    const { items, total } = await this.repo.list(space.id, { year: query.year, limit, offset });
    return { items, total, page, pageSize };
  }

  async create(principal: Principal, spaceRef: string, dto: CreateFundingDto): Promise<FundingDto> {
    const space = await this.space(spaceRef);
    const values: FundingValues = {
      year: dto.year,
      source: dto.source,
      amountEur: dto.amountEur,
      kind: dto.kind,
      programme: storedProgramme(dto.programme),
      endsOn: dto.endsOn ?? null,
    };
    try {
      return await this.dataSource.transaction(async (m) => {
        const created = await this.repo.insert(m, space.id, values);
        await this.audit.record(m, principal, [
          {
            action: 'create',
            entity: 'funding',
            entityId: created.id,
            spaceId: space.id,
            regionCode: space.regionCode,
            after: { ...created },
          },
        ]);
        return created;
      });
    } catch (error) {
      throw fundingWriteError(error);
    }
  }

  async update(
    principal: Principal,
    spaceRef: string,
    id: string,
    dto: UpdateFundingDto,
  ): Promise<FundingDto> {
    const space = await this.space(spaceRef);
    const changes: Partial<FundingValues> = {};
    if (dto.year !== undefined) changes.year = dto.year;
    if (dto.source !== undefined) changes.source = dto.source;
    if (dto.amountEur !== undefined) changes.amountEur = dto.amountEur;
    if (dto.kind !== undefined) changes.kind = dto.kind;
    if (dto.programme !== undefined) changes.programme = storedProgramme(dto.programme);
    if (dto.endsOn !== undefined) changes.endsOn = dto.endsOn;
    try {
      return await this.dataSource.transaction(async (m) => {
        const before = await this.repo.find(space.id, id, { manager: m, lock: true });
        if (!before) throw notFoundHere();
        // The row is locked: a version checked here cannot change before the UPDATE below.
        if (before.version !== dto.version) throw versionConflict('FUNDING', before.version);
        const after = await this.repo.update(m, space.id, id, dto.version, changes);
        if (!after) throw notFoundHere();
        await this.audit.record(m, principal, [
          {
            action: 'update',
            entity: 'funding',
            entityId: id,
            spaceId: space.id,
            regionCode: space.regionCode,
            before: { ...before },
            after: { ...after },
          },
        ]);
        return after;
      });
    } catch (error) {
      throw fundingWriteError(error);
    }
  }

  async remove(principal: Principal, spaceRef: string, id: string): Promise<void> {
    const space = await this.space(spaceRef);
    await this.dataSource.transaction(async (m) => {
      const before = await this.repo.find(space.id, id, { manager: m, lock: true });
      if (!before || !(await this.repo.delete(m, space.id, id))) throw notFoundHere();
      await this.audit.record(m, principal, [
        {
          action: 'delete',
          entity: 'funding',
          entityId: id,
          spaceId: space.id,
          regionCode: space.regionCode,
          before: { ...before },
        },
      ]);
    });
  }

  async summary(spaceRef: string, year: number): Promise<FundingSummaryDto> {
    const space = await this.space(spaceRef);
    const totals = await this.repo.yearTotals(space.id, year);
    const bySource = Object.fromEntries(FUNDING_SOURCES.map((s) => [s, totals.bySource[s] ?? 0])) as Record<
      FundingSource,
      number
    >;
    const byKind = Object.fromEntries(FUNDING_KINDS.map((k) => [k, totals.byKind[k] ?? 0])) as Record<
      FundingKind,
      number
    >;
    return { spaceRef: space.ref, year, total: totals.total, bySource, byKind };
  }

  async warnings(principal: Principal, query: FundingWarningsQueryDto): Promise<FundingWarningsDto> {
    const asOf = query.asOf ?? brusselsToday();
    const months = query.months ?? DEFAULT_WARNING_MONTHS;
    const window = warningWindow(asOf, months);
    const rows = await this.repo.warnings(principal, {
      asOf: window.after,
      until: window.until,
      year: yearOf(asOf),
      region: query.region,
    });
    return {
      asOf,
      months,
      until: window.until,
      items: rows.map(({ firstEndsOn, ...row }) => ({ ...row, monthsLeft: monthsLeft(asOf, firstEndsOn) })),
    };
  }
}
