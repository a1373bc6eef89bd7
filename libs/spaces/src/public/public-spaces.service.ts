import { Injectable } from '@nestjs/common';
import { notFound, validationFailed } from '../../../core/src/index.js';
import { pageOf } from '../shared/dto/page.dto.js';
import { describeHours, type HoursView } from '../spaces/space-hours.rule.js';
import { brusselsToday } from '../spaces/space.rules.js';
import type { PublicSpaceDto, PublicSpacePageDto, PublicSpaceQueryDto } from './dto/public-space.dto.js';
import { parseNear, roundKm } from './public-directory.rule.js';
import { PublicSpacesRepository, type PublicSpaceRow } from './public-spaces.repository.js';

/** The public directory of active spaces: where they are, when they open, what they offer. */
@Injectable()
export class PublicSpacesService {
  constructor(private readonly repo: PublicSpacesRepository) {}

  async list(query: PublicSpaceQueryDto): Promise<PublicSpacePageDto> {
    const { page, pageSize, limit, offset } = pageOf(query);
    const near = query.near === undefined ? undefined : parseNear(query.near);
    if (near === null) {
      throw validationFailed([
        { field: 'near', message: 'near must be a point: latitude (-90..90),longitude (-180..180).' },
      ]);
    }
    if (query.radiusKm !== undefined && !near) {
      throw validationFailed([
        { field: 'radiusKm', message: 'radiusKm needs near: the point to measure from.' },
      ]);
    }
    const at = query.at ? new Date(query.at) : new Date();
    const filters = { postcode: query.postcode, nisCode: query.nisCode, near, radiusKm: query.radiusKm };
    const hours = hoursAt(at);
    if (!query.openNow) {
      const { rows, total } = await this.repo.list(filters, brusselsToday(at), { limit, offset });
      return { items: rows.map((row) => toPublicSpace(row, hours(row.openingHours))), total, page, pageSize };
    }
    // Whether a space is open comes from its expression, not from SQL: select the candidates, keep the
    // open ones, then page.
    const { rows } = await this.repo.list({ ...filters, withHours: true }, brusselsToday(at), null);
    const open = rows.filter((row) => hours(row.openingHours)?.openNow?.open === true);
    return {
      items: open.slice(offset, offset + limit).map((row) => toPublicSpace(row, hours(row.openingHours))),
      total: open.length,
      page,
      pageSize,
    };
  }

  async get(ref: string, at?: string): Promise<PublicSpaceDto> {
    const moment = at ? new Date(at) : new Date();
    const { rows } = await this.repo.list({ ref }, brusselsToday(moment), { limit: 1, offset: 0 });
    if (rows.length === 0) throw notFound('SPACES.NOT_FOUND', 'No such space.');
    return toPublicSpace(rows[0], hoursAt(moment)(rows[0].openingHours));
  }

  /**
   * The name and postcode of a space that has closed for good (null: no such closed space), so a page can
   * tell a visitor who kept its address that it closed, and where to look instead.
   */
  closed(ref: string, at?: string): Promise<{ name: string; postcode: string | null } | null> {
    return this.repo.closed(ref, brusselsToday(at ? new Date(at) : new Date()));
  }
}

/** Hours described at one moment, each distinct expression once (spaces of a network often share them). */
function hoursAt(at: Date): (expression: string | null) => HoursView | null {
  const cache = new Map<string, HoursView>();
  return (expression) => {
    if (expression === null) return null;
    if (!cache.has(expression)) cache.set(expression, describeHours(expression, at));
    return cache.get(expression)!;
  };
}

/** When the space next opens; never after the last day it is open (a space closing for good). */
function nextOpening(row: PublicSpaceRow, hours: HoursView): Date | null {
  const next = hours.openNow?.nextOpening ?? null;
  return next && row.closedOn !== null && brusselsToday(next) > row.closedOn ? null : next;
}

/** Field by field, so that nothing the query might select by mistake reaches the public. */
function toPublicSpace(row: PublicSpaceRow, hours: HoursView | null): PublicSpaceDto {
  return {
    ref: row.ref,
    name: row.name,
    address: row.address,
    postcode: row.postcode,
    municipality: { nisCode: row.nisCode, nameNl: row.nameNl, nameFr: row.nameFr },
    latitude: row.latitude,
    longitude: row.longitude,
    openingHours:
      hours && hours.expression !== null
        ? { expression: hours.expression, ranges: hours.ranges, exceptions: hours.exceptions }
        : null,
    services: row.services,
    languages: row.languages,
    stepFreeAccess: row.stepFreeAccess,
    label: row.labelScheme
      ? { scheme: row.labelScheme, status: 'granted', validUntil: row.labelValidUntil }
      : null,
    openNow: hours?.openNow ? { open: hours.openNow.open, nextOpening: nextOpening(row, hours) } : null,
    distanceKm: roundKm(row.distanceKm),
  };
}
