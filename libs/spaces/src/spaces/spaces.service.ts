import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  AppException,
  notFound,
  validationFailed,
  type FieldError,
  type Principal,
} from '../../../core/src/index.js';
import { AuditService } from '../audit/audit.service.js';
import { pageOf } from '../shared/dto/page.dto.js';
import { updateVersioned, versionConflict } from '../shared/versioned-update.js';
import type {
  CreateSpaceDto,
  SpaceDto,
  SpaceListQueryDto,
  SpacePageDto,
  UpdateSpaceDto,
} from './dto/space.dto.js';
import { storedHoursFromExpression, type StoredHours } from './space-hours.rule.js';
import { MUNICIPALITY_YEAR, brusselsToday, restrictedFieldsFor, spaceFieldProblems } from './space.rules.js';
import {
  SpacesRepository,
  inUse,
  spaceWriteError,
  toColumns,
  type Municipality,
  type SpaceRow,
  type SpaceValues,
} from './spaces.repository.js';

export const SPACE_NOT_FOUND = () => notFound('SPACES.NOT_FOUND', 'No such space.');

/** The space registry: create, read, change and delete spaces, with their rules and audit trail. */
@Injectable()
export class SpacesService {
  constructor(
    private readonly repo: SpacesRepository,
    private readonly audit: AuditService,
  ) {}

  /** For other parts of the system: a space by ref, without any access check (null when unknown). */
  async findByRef(ref: string): Promise<SpaceDto | null> {
    const row = await this.repo.findByRef(ref, brusselsToday());
    return row ? toSpaceDto(row) : null;
  }

  async get(ref: string): Promise<SpaceDto> {
    const space = await this.findByRef(ref);
    if (!space) throw SPACE_NOT_FOUND();
    return space;
  }

  async list(principal: Principal, query: SpaceListQueryDto): Promise<SpacePageDto> {
    const { page, pageSize, limit, offset } = pageOf(query);
    const { rows, total } = await this.repo.list(
      principal,
      {
        region: query.region,
        nisCode: query.nisCode,
        operatorType: query.operatorType,
        active: query.active,
        labelStatus: query.labelStatus,
        parentRef: query.parentRef,
        q: query.q,
      },
      brusselsToday(),
      limit,
      offset,
    );
    return { items: rows.map(toSpaceDto), total, page, pageSize };
  }

  async create(principal: Principal, dto: CreateSpaceDto): Promise<SpaceDto> {
    const today = brusselsToday();
    return this.write('write', async (m) => {
      const municipality = await this.municipalityFor(m, dto.nisCode);
      this.assertRegionAllowed(principal, municipality);
      const parentId = dto.parentRef
        ? await this.parentIdFor(m, dto.parentRef, municipality.regionCode, null)
        : null;
      const problems = spaceFieldProblems({
        openedOn: dto.openedOn,
        closedOn: dto.closedOn ?? null,
        latitude: dto.latitude ?? null,
        longitude: dto.longitude ?? null,
      });
      if (problems.length > 0) throw validationFailed(problems);
      const hours = storedHoursFromExpression(dto.openingHours ?? null, 'openingHours');
      const id = await this.repo.insert(m, {
        ref: dto.ref,
        name: dto.name.trim(),
        nisCode: dto.nisCode,
        municipalityYear: MUNICIPALITY_YEAR,
        regionCode: municipality.regionCode,
        operatorType: dto.operatorType,
        address: dto.address ?? null,
        postcode: dto.postcode ?? null,
        latitude: dto.latitude ?? null,
        longitude: dto.longitude ?? null,
        parentId,
        languages: dto.languages ?? [],
        pricing: dto.pricing ?? null,
        openToAllPublics: dto.openToAllPublics ?? null,
        charterSignedOn: dto.charterSignedOn ?? null,
        services: dto.services ?? [],
        stepFreeAccess: dto.stepFreeAccess ?? null,
        email: dto.email ?? null,
        phone: dto.phone ?? null,
        website: dto.website ?? null,
        openedOn: dto.openedOn,
        closedOn: dto.closedOn ?? null,
        ...hours,
      });
      if (!id)
        throw new AppException('SPACES.REF_TAKEN', `Another space already has the ref ${dto.ref}.`, 409);
      const created = await this.mustFind(m, id, today);
      await this.audit.record(m, principal, [
        {
          action: 'create',
          entity: 'space',
          entityId: id,
          spaceId: id,
          regionCode: created.region,
          after: snapshotOf(created),
        },
      ]);
      return toSpaceDto(created);
    });
  }

  async update(principal: Principal, ref: string, dto: UpdateSpaceDto): Promise<SpaceDto> {
    const { version, ...change } = dto;
    const restricted = restrictedFieldsFor(principal.role, change);
    if (restricted.length > 0) {
      throw new AppException(
        'SPACES.STAFF_ONLY_FIELDS',
        `Only regional staff can change ${restricted.join(', ')}.`,
        403,
        restricted.map((field) => ({ field, message: 'Only regional staff can change this field.' })),
      );
    }
    const today = brusselsToday();
    return this.write('write', async (m) => {
      const locked = await this.repo.lockByRef(m, ref);
      if (!locked) throw SPACE_NOT_FOUND();
      if (locked.version !== version) throw versionConflict('SPACES', locked.version);
      const before = await this.mustFind(m, locked.id, today);

      const values: SpaceValues = {};
      const copy = [
        'name',
        'operatorType',
        'address',
        'postcode',
        'latitude',
        'longitude',
        'languages',
        'pricing',
        'openToAllPublics',
        'charterSignedOn',
        'services',
        'stepFreeAccess',
        'email',
        'phone',
        'website',
        'openedOn',
        'closedOn',
      ] as const;
      for (const field of copy) if (change[field] !== undefined) values[field] = change[field];
      if (typeof values.name === 'string') values.name = values.name.trim();

      let regionCode = before.region;
      if (change.nisCode !== undefined && change.nisCode !== before.nisCode) {
        const municipality = await this.municipalityFor(m, change.nisCode);
        this.assertRegionAllowed(principal, municipality);
        regionCode = municipality.regionCode;
        Object.assign(values, { nisCode: change.nisCode, municipalityYear: MUNICIPALITY_YEAR, regionCode });
      }
      if (change.parentRef !== undefined) {
        values.parentId =
          change.parentRef === null ? null : await this.parentIdFor(m, change.parentRef, regionCode, before);
      } else if (regionCode !== before.region && before.parentRef) {
        await this.parentIdFor(m, before.parentRef, regionCode, before, 'nisCode');
      }
      if (regionCode !== before.region) {
        const outside = await this.repo.antennasOutside(m, before.id, regionCode);
        if (outside.length > 0) {
          throw validationFailed([
            {
              field: 'nisCode',
              message: `Its antennas ${outside.join(', ')} would be in another region. Move them first.`,
            },
          ]);
        }
      }
      const problems = spaceFieldProblems({
        openedOn: (values.openedOn as string | undefined) ?? before.openedOn,
        closedOn: values.closedOn !== undefined ? (values.closedOn as string | null) : before.closedOn,
        latitude: values.latitude !== undefined ? (values.latitude as number | null) : before.latitude,
        longitude: values.longitude !== undefined ? (values.longitude as number | null) : before.longitude,
      });
      if (problems.length > 0) throw validationFailed(problems);
      if (change.openingHours !== undefined) {
        Object.assign(values, storedHoursFromExpression(change.openingHours, 'openingHours'));
      }
      // Nothing to change: the space stays as it is, at the same version.
      if (Object.keys(values).length === 0) return toSpaceDto(before);

      return toSpaceDto(await this.saveChange(m, principal, before, values, version, today));
    });
  }

  /** Writes derived opening hours (from the opening-hours routes) with the same version check and audit. */
  async updateHours(
    principal: Principal,
    ref: string,
    version: number,
    hours: StoredHours,
  ): Promise<SpaceRow> {
    const today = brusselsToday();
    return this.write('write', async (m) => {
      const locked = await this.repo.lockByRef(m, ref);
      if (!locked) throw SPACE_NOT_FOUND();
      if (locked.version !== version) throw versionConflict('SPACES', locked.version);
      const before = await this.mustFind(m, locked.id, today);
      return this.saveChange(m, principal, before, { ...hours }, version, today);
    });
  }

  async delete(principal: Principal, ref: string): Promise<void> {
    const today = brusselsToday();
    await this.write('delete', async (m) => {
      const locked = await this.repo.lockByRef(m, ref);
      if (!locked) throw SPACE_NOT_FOUND();
      const usage = await this.repo.usage(m, locked.id);
      if (Object.values(usage).some((count) => count > 0)) throw inUse(usage);
      const before = await this.mustFind(m, locked.id, today);
      await this.repo.delete(m, locked.id);
      await this.audit.record(m, principal, [
        {
          action: 'delete',
          entity: 'space',
          entityId: before.id,
          spaceId: before.id,
          regionCode: before.region,
          before: snapshotOf(before),
        },
      ]);
    });
  }

  // --- helpers ------------------------------------------------------------------------------------------

  private async saveChange(
    m: EntityManager,
    principal: Principal,
    before: SpaceRow,
    values: SpaceValues,
    version: number,
    today: string,
  ): Promise<SpaceRow> {
    const updated = await updateVersioned(m, {
      table: 'spaces',
      where: { id: before.id },
      version,
      changes: toColumns(values),
      area: 'SPACES',
    });
    if (!updated) throw SPACE_NOT_FOUND();
    const after = await this.mustFind(m, before.id, today);
    await this.audit.record(m, principal, [
      {
        action: 'update',
        entity: 'space',
        entityId: before.id,
        spaceId: before.id,
        regionCode: after.region,
        before: snapshotOf(before),
        after: snapshotOf(after),
      },
    ]);
    return after;
  }

  /** Runs a write in one transaction and turns database refusals into answers for the caller. */
  private async write<T>(action: 'write' | 'delete', work: (m: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.repo.transaction(work);
    } catch (error) {
      throw spaceWriteError(error, action);
    }
  }

  private async mustFind(m: EntityManager, id: string, today: string): Promise<SpaceRow> {
    const row = await this.repo.findById(id, today, m);
    if (!row) throw SPACE_NOT_FOUND();
    return row;
  }

  private async municipalityFor(m: EntityManager, nisCode: string): Promise<Municipality> {
    const municipality = await this.repo.municipality(nisCode, m);
    if (!municipality) {
      throw validationFailed([
        { field: 'nisCode', message: `No Belgian municipality has the NIS code ${nisCode} (2020 list).` },
      ]);
    }
    return municipality;
  }

  /** Regional staff create and move spaces only within their own region. */
  private assertRegionAllowed(principal: Principal, municipality: Municipality): void {
    if (principal.role === 'admin' || municipality.regionCode === principal.regionCode) return;
    throw new AppException(
      'SPACES.OUTSIDE_REGION',
      `This municipality is in region ${municipality.regionCode}; you manage spaces of ${principal.regionCode ?? 'no region'} only.`,
      403,
    );
  }

  /**
   * The id of the space that will be the parent: it must exist, be in the same region, and not be an
   * antenna itself; a space that has antennas cannot become one (antennas are one level deep).
   */
  private async parentIdFor(
    m: EntityManager,
    parentRef: string,
    regionCode: string,
    space: SpaceRow | null,
    field = 'parentRef',
  ): Promise<string> {
    const fail = (message: string): never => {
      throw validationFailed([{ field, message } satisfies FieldError]);
    };
    if (space && parentRef === space.ref) fail('A space cannot be its own parent.');
    const parent = await this.repo.parentCandidate(parentRef, m);
    if (!parent) return fail(`There is no space with the ref ${parentRef}.`);
    if (parent.parentId !== null)
      fail(`${parentRef} is itself an antenna; an antenna's parent must be a main space.`);
    if (parent.regionCode !== regionCode)
      fail(`${parentRef} is in another region; an antenna stays in its parent's region.`);
    if (space && space.antennaRefs.length > 0) {
      fail(
        `${space.ref} has antennas (${space.antennaRefs.join(', ')}), so it cannot become an antenna itself.`,
      );
    }
    return parent.id;
  }
}

/** The API shape of a space. */
export function toSpaceDto(row: SpaceRow): SpaceDto {
  return {
    id: row.id,
    ref: row.ref,
    name: row.name,
    nisCode: row.nisCode,
    region: row.region,
    municipality: { nisCode: row.nisCode, nameNl: row.nameNl, nameFr: row.nameFr },
    operatorType: row.operatorType,
    address: row.address,
    postcode: row.postcode,
    latitude: row.latitude,
    longitude: row.longitude,
    parentRef: row.parentRef,
    antennaRefs: row.antennaRefs,
    languages: row.languages,
    pricing: row.pricing,
    openToAllPublics: row.openToAllPublics,
    charterSignedOn: row.charterSignedOn,
    services: row.services,
    stepFreeAccess: row.stepFreeAccess,
    email: row.email,
    phone: row.phone,
    website: row.website,
    openedOn: row.openedOn,
    closedOn: row.closedOn,
    active: row.active,
    openingHours: row.openingHours,
    weeklyHours:
      row.scheduledWeeklyHours === null
        ? null
        : { openingHours: row.scheduledWeeklyHours, hoursWithAnimator: row.scheduledHoursWithAnimator ?? 0 },
    label:
      row.labelStatus === null
        ? null
        : {
            scheme: row.labelScheme!,
            schemeVersion: row.labelSchemeVersion!,
            status: row.labelStatus,
            validFrom: row.labelValidFrom,
            validUntil: row.labelValidUntil,
            decidedAt: row.labelDecidedAt!,
          },
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** What the audit trail keeps of a space: its own fields (not derived views such as its label or antennas). */
export function snapshotOf(row: SpaceRow): Record<string, unknown> {
  const {
    active: _active,
    antennaRefs: _antennaRefs,
    labelScheme: _labelScheme,
    labelSchemeVersion: _labelSchemeVersion,
    labelStatus: _labelStatus,
    labelValidFrom: _labelValidFrom,
    labelValidUntil: _labelValidUntil,
    labelDecidedAt: _labelDecidedAt,
    nameNl: _nameNl,
    nameFr: _nameFr,
    createdAt: _createdAt,
    ...own
  } = row;
  return own;
}
