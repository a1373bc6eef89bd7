import { EQUIPMENT_TYPES, type EquipmentType } from './equipment.entity.js';

/**
 * When an item counts as "in service" on day D: acquired on or before D (or undated), and not retired on
 * or before D. The day an item is retired it is already out of service; the day it arrives it is in.
 * The rule lives twice, once per language, next to each other so they change together: as a function
 * (for code and tests) and as the SQL condition the counts are computed with.
 */
export interface ServiceDates {
  acquiredOn: string | null;
  retiredOn: string | null;
}

/** Dates are `YYYY-MM-DD` strings, which compare correctly as text. */
export function isInService(item: ServiceDates, on: string): boolean {
  return (
    (item.acquiredOn === null || item.acquiredOn <= on) && (item.retiredOn === null || item.retiredOn > on)
  );
}

/** The same rule in SQL, for an `equipment` row aliased `alias` and a `date` parameter `dayParam` (e.g. `$2`). */
export function inServiceSql(alias: string, dayParam: string): string {
  return `((${alias}.acquired_on IS NULL OR ${alias}.acquired_on <= ${dayParam}::date)
    AND (${alias}.retired_on IS NULL OR ${alias}.retired_on > ${dayParam}::date))`;
}

export interface InServiceCounts {
  byType: Record<EquipmentType, number>;
  /** Desktops and laptops. */
  computers: number;
  tablets: number;
  /** Desktops, laptops and tablets: what a visitor can work on. */
  devices: number;
}

/** Folds quantities per type (types absent from the input count 0) into the figures reports use. */
export function inServiceCounts(quantities: Partial<Record<string, number>>): InServiceCounts {
  const byType = Object.fromEntries(EQUIPMENT_TYPES.map((t) => [t, quantities[t] ?? 0])) as Record<
    EquipmentType,
    number
  >;
  const computers = byType.desktop + byType.laptop;
  return { byType, computers, tablets: byType.tablet, devices: computers + byType.tablet };
}
