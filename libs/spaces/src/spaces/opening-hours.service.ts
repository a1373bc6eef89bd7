import { Injectable } from '@nestjs/common';
import { validationFailed, type Principal } from '../../../core/src/index.js';
import type { Weekday } from '../rules/opening-hours.rule.js';
import type { PutOpeningHoursDto, SpaceOpeningHoursDto } from './dto/opening-hours.dto.js';
import { describeHours, storedHoursFromExpression, storedHoursFromSchedule } from './space-hours.rule.js';
import { SPACE_NOT_FOUND, SpacesService } from './spaces.service.js';

/** A space's opening hours: the expression, its weekly grid, derived hours and whether it is open now. */
@Injectable()
export class OpeningHoursService {
  constructor(private readonly spaces: SpacesService) {}

  async get(ref: string, at?: string): Promise<SpaceOpeningHoursDto> {
    const space = await this.spaces.findByRef(ref);
    if (!space) throw SPACE_NOT_FOUND();
    return { ...describeHours(space.openingHours, at ? new Date(at) : new Date()), version: space.version };
  }

  /** Replaces the hours, written either as an expression or as a weekly grid with closures. */
  async put(principal: Principal, ref: string, dto: PutOpeningHoursDto): Promise<SpaceOpeningHoursDto> {
    const hasExpression = dto.expression !== undefined && dto.expression !== null;
    const hasRanges = dto.ranges !== undefined && dto.ranges !== null;
    if (hasExpression === hasRanges) {
      const message =
        'Give the opening hours either as an expression or as ranges, not both and not neither.';
      throw validationFailed([{ field: hasExpression ? 'ranges' : 'expression', message }]);
    }
    if (hasExpression && dto.exceptions !== undefined) {
      const message = 'Closures go with ranges; in an expression, write them as dated "off" rules.';
      throw validationFailed([{ field: 'exceptions', message }]);
    }
    const hours = hasExpression
      ? storedHoursFromExpression(dto.expression!, 'expression')
      : storedHoursFromSchedule({
          ranges: dto.ranges!.map((r) => ({
            day: r.day as Weekday,
            from: r.from,
            to: r.to,
            animator: r.animator,
          })),
          exceptions: (dto.exceptions ?? []).map((e) =>
            e.note
              ? { from: e.from, to: e.to, closed: true, note: e.note }
              : { from: e.from, to: e.to, closed: true },
          ),
        });
    const after = await this.spaces.updateHours(principal, ref, dto.version, hours);
    return { ...describeHours(after.openingHours, new Date()), version: after.version };
  }
}
