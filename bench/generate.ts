import { createWriteStream } from 'node:fs';
import type pg from 'pg';
import { copyRows } from './copy-rows.js';
import { addDays, isoDate, weekLabel, weekMonday, weeksInIsoYear } from './iso-weeks.js';
import { Prng, weightedPicker } from './prng.js';

/** The label schemes of config/labels, by region. */
const LABEL_SCHEMES = {
  BRU: { scheme: 'brussels-ocr', version: '2021' },
  WAL: { scheme: 'wallonia-epn', version: '2007' },
} as const;
/** The certificate codes' alphabet (label-decisions.service.ts), without look-alikes. */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/**
 * The deterministic data generator of the benchmarks and the demo: spaces spread over the three regions
 * like the population (municipalities weighted by inhabitants), weekly activity that respects each
 * space's opening and closing dates (with gaps, summer breaks and ISO years of 53 weeks), training
 * sessions, equipment batches, animators (some working at two spaces) and funding lines. Everything is
 * derived from `seed`: the same options give the same rows, byte for byte.
 */
export interface WorldOptions {
  seed: number;
  spaces: number;
  /** ISO years of weekly activity, training and funding, inclusive. */
  fromYear: number;
  toYear: number;
  /** Nothing is generated on or after this date (weeks must not lie in the future). */
  today: string;
}

export interface MunicipalityRow {
  nisCode: string;
  regionCode: string;
  inhabitants: number;
  postcode: string;
  nameNl: string;
}

export interface SpacePlan {
  index: number;
  id: string;
  ref: string;
  name: string;
  nisCode: string;
  regionCode: string;
  postcode: string;
  nameNl: string;
  latitude: number;
  longitude: number;
  parentId: string | null;
  operatorType: string;
  languages: string[];
  pricing: string;
  openedOn: Date;
  closedOn: Date | null;
  openingHours: string;
  weeklyHours: number;
  hoursWithAnimator: number;
  /** Mean visits per opening hour: how busy the space is. */
  busyness: number;
  /** Share of weeks with no figures sent in. */
  gapRate: number;
  summerBreak: boolean;
}

/** What a weekly_activity row holds, keyed like the CSV contract. */
export interface WeekRow {
  space: SpacePlan;
  year: number;
  week: number;
  monday: Date;
  figures: WeekFigures;
}

export const WEEK_FIGURE_COLUMNS = [
  'opening_hours',
  'hours_with_animator',
  'animator_hours',
  'visits',
  'visits_ict_learning',
  'visits_job_search',
  'visits_leisure_culture',
  'visits_housing_elearning',
  'visits_administrative',
  'visitors_women',
  'visitors_job_seekers',
  'visitors_seniors',
  'visitors_youth',
  'mobile_actions',
] as const;
export type WeekFigures = Record<(typeof WEEK_FIGURE_COLUMNS)[number], number | null>;

/** The CSV contract's columns of weekly-activity (spec/csv.md), in order. */
export const WEEKLY_CSV_COLUMNS = ['space_ref', 'week', ...WEEK_FIGURE_COLUMNS] as const;

/** Rough bounding boxes, enough to put points in the right region for distance queries. */
const REGION_BOX: Record<string, [latMin: number, latMax: number, lonMin: number, lonMax: number]> = {
  BRU: [50.79, 50.91, 4.29, 4.45],
  VLA: [50.75, 51.4, 2.6, 5.85],
  WAL: [49.55, 50.75, 3.0, 6.35],
};
const LANGUAGES_BY_REGION: Record<string, string[][]> = {
  BRU: [['fr', 'nl'], ['fr', 'nl', 'en'], ['fr'], ['nl', 'fr']],
  VLA: [['nl'], ['nl', 'en'], ['nl', 'fr']],
  WAL: [['fr'], ['fr', 'de'], ['fr', 'en']],
};
const OPERATOR_TYPES = ['municipality', 'cpas', 'library', 'association', 'other'] as const;
const OPERATOR_WEIGHTS = [0.3, 0.25, 0.2, 0.2, 0.05];
const HOURS_PATTERNS: Array<[expression: string, weekly: number, withAnimator: number]> = [
  ['Mo-Fr 09:00-12:00 "animator"; Mo-Fr 13:00-17:00', 35, 15],
  ['Mo-Fr 09:00-17:00 "animator"', 40, 40],
  ['Tu,Th 13:00-17:00 "animator"; Sa 10:00-12:00', 10, 8],
  ['Mo,We,Fr 09:00-12:00 "animator"', 9, 9],
  ['Mo-Sa 10:00-18:00; Mo-Fr 14:00-16:00 "animator"', 38, 10],
  ['We 13:00-18:00 "animator"; Sa 09:00-13:00 "animator"', 9, 9],
];
const THEMES = [
  'basic_skills',
  'e_administration',
  'job_search',
  'online_safety',
  'communication',
  'media_literacy',
  'office',
  'creative',
  'other',
] as const;
const FORMATS = ['individual', 'workshop', 'course'] as const;
const EQUIPMENT_TYPES = ['desktop', 'laptop', 'tablet', 'printer', '3d_printer', 'other'] as const;
const PROVENANCES = ['purchase', 'regional_programme', 'donation', 'decommissioned_admin', 'other'] as const;

/** A 32-bit mix of the seed and a few integers: one independent stream per space (and per purpose). */
function streamSeed(seed: number, ...parts: number[]): number {
  let h = seed >>> 0;
  for (const part of parts) h = Math.imul(h ^ (part + 0x7f4a7c15), 0x9e3779b1) >>> 0;
  return h ^ (h >>> 15);
}

function pickWeighted<T>(prng: Prng, items: readonly T[], weights: readonly number[]): T {
  let target = prng.next() * weights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < items.length; i++) {
    target -= weights[i];
    if (target < 0) return items[i];
  }
  return items[items.length - 1];
}

export async function loadMunicipalities(client: pg.ClientBase): Promise<MunicipalityRow[]> {
  const { rows } = await client.query<MunicipalityRow>(
    `SELECT nis_code AS "nisCode", trim(region_code) AS "regionCode", inhabitants, postcode, name_nl AS "nameNl"
     FROM municipalities WHERE reference_year = 2020 ORDER BY nis_code`,
  );
  return rows;
}

/** The spaces: about one in twenty is an antenna of an earlier space of the same region. */
export function planSpaces(municipalities: readonly MunicipalityRow[], options: WorldOptions): SpacePlan[] {
  const prng = new Prng(streamSeed(options.seed, 1));
  const pickMunicipality = weightedPicker(municipalities, (m) => m.inhabitants);
  const today = new Date(`${options.today}T00:00:00Z`);
  const spaces: SpacePlan[] = [];
  for (let index = 0; index < options.spaces; index++) {
    const antennaOf = index > 20 && prng.chance(0.05) ? spaces[prng.int(0, index - 1)] : null;
    const parent = antennaOf && antennaOf.parentId === null ? antennaOf : null;
    let municipality = pickMunicipality(prng);
    if (parent) {
      for (let tries = 0; tries < 50 && municipality.regionCode !== parent.regionCode; tries++)
        municipality = pickMunicipality(prng);
    }
    const region = municipality.regionCode;
    const [latMin, latMax, lonMin, lonMax] = REGION_BOX[region];
    // Opened anywhere from 2005 to the last generated year: some spaces have partial histories.
    const openedOn = new Date(Date.UTC(prng.int(2005, options.toYear), prng.int(0, 11), prng.int(1, 28)));
    const closes = prng.chance(0.04);
    const closedOn = closes
      ? addDays(openedOn, prng.int(365, Math.max(400, (today.getTime() - openedOn.getTime()) / 86_400_000)))
      : null;
    const [openingHours, weeklyHours, hoursWithAnimator] = prng.pick(HOURS_PATTERNS);
    const ref = `${region}-${String(index + 1).padStart(5, '0')}`;
    spaces.push({
      index,
      id: prng.uuid(),
      ref,
      name: `${parent ? 'Antenne' : 'EPN'} ${municipality.nameNl} ${index + 1}`,
      nisCode: municipality.nisCode,
      regionCode: region,
      postcode: municipality.postcode,
      nameNl: municipality.nameNl,
      latitude: Number((latMin + prng.next() * (latMax - latMin)).toFixed(6)),
      longitude: Number((lonMin + prng.next() * (lonMax - lonMin)).toFixed(6)),
      parentId: parent && parent.regionCode === region ? parent.id : null,
      operatorType: pickWeighted(prng, OPERATOR_TYPES, OPERATOR_WEIGHTS),
      languages: prng.pick(LANGUAGES_BY_REGION[region]),
      pricing: pickWeighted(prng, ['free', 'reduced_rates', 'paid'], [0.8, 0.15, 0.05]),
      openedOn,
      closedOn: closedOn && closedOn < today ? closedOn : null,
      openingHours,
      weeklyHours,
      hoursWithAnimator,
      busyness: 0.3 + prng.next() * 2.2,
      gapRate: prng.next() * 0.08,
      summerBreak: prng.chance(0.3),
    });
  }
  return spaces;
}

/**
 * Weekly rows of the given spaces and ISO years, space by space then week by week. Only weeks that
 * ended before `today`, that overlap the space's open period, and that the space sent figures for.
 */
export function* weeklyRows(
  spaces: readonly SpacePlan[],
  fromYear: number,
  toYear: number,
  options: Pick<WorldOptions, 'seed' | 'today'>,
): Generator<WeekRow> {
  const today = new Date(`${options.today}T00:00:00Z`);
  for (const space of spaces) {
    for (let year = fromYear; year <= toYear; year++) {
      const prng = new Prng(streamSeed(options.seed, 2, space.index, year));
      const weeks = weeksInIsoYear(year);
      for (let week = 1; week <= weeks; week++) {
        const monday = weekMonday(year, week);
        const sunday = addDays(monday, 6);
        if (sunday >= today || sunday < space.openedOn) continue;
        if (space.closedOn && space.closedOn < monday) continue;
        if (space.summerBreak && (week === 31 || week === 32)) continue;
        if (prng.chance(space.gapRate)) continue;
        yield { space, year, week, monday, figures: weekFigures(space, week, prng) };
      }
    }
  }
}

function weekFigures(space: SpacePlan, week: number, prng: Prng): WeekFigures {
  const holiday = week === 1 || week === 52 || week === 53;
  const openingHours = Math.min(
    168,
    Math.round(space.weeklyHours * (holiday ? 0.5 : 1) * (0.85 + prng.next() * 0.3) * 4) / 4,
  );
  const withAnimator = Math.min(
    openingHours,
    Math.round(space.hoursWithAnimator * (0.8 + prng.next() * 0.3) * 4) / 4,
  );
  const visits = Math.round(prng.around(openingHours * space.busyness, openingHours * space.busyness * 0.25));
  const shares = [0.35, 0.15, 0.2, 0.1, 0.15].map((s) => s * (0.7 + prng.next() * 0.3));
  const purposes = shares.map((s) => Math.floor(visits * s));
  const partial = prng.chance(0.15); // some spaces do not split visits by purpose or profile
  return {
    opening_hours: openingHours,
    hours_with_animator: withAnimator,
    animator_hours: Math.round(withAnimator * (1 + prng.next()) * 4) / 4,
    visits,
    visits_ict_learning: partial ? null : purposes[0],
    visits_job_search: partial ? null : purposes[1],
    visits_leisure_culture: partial ? null : purposes[2],
    visits_housing_elearning: partial ? null : purposes[3],
    visits_administrative: partial ? null : purposes[4],
    visitors_women: partial ? null : Math.floor(visits * (0.4 + prng.next() * 0.2)),
    visitors_job_seekers: partial ? null : Math.floor(visits * prng.next() * 0.3),
    visitors_seniors: partial ? null : Math.floor(visits * (0.2 + prng.next() * 0.2)),
    visitors_youth: partial ? null : Math.floor(visits * prng.next() * 0.2),
    mobile_actions: prng.chance(0.1) ? prng.int(1, 3) : 0,
  };
}

export interface SeedCounts {
  spaces: number;
  labels: number;
  animators: number;
  assignments: number;
  equipment: number;
  funding: number;
  weeklyActivity: number;
  trainingSessions: number;
}

export interface SeedOptions extends WorldOptions {
  /** Only the spaces (and their labels): what an import benchmark starts from. */
  spacesOnly?: boolean;
}

/** Seeds a migrated, empty registry through COPY, then ANALYZEs it. */
export async function seedWorld(
  client: pg.ClientBase,
  options: SeedOptions,
): Promise<{ spaces: SpacePlan[]; counts: SeedCounts }> {
  const spaces = planSpaces(await loadMunicipalities(client), options);
  const counts: SeedCounts = {
    spaces: 0,
    labels: 0,
    animators: 0,
    assignments: 0,
    equipment: 0,
    funding: 0,
    weeklyActivity: 0,
    trainingSessions: 0,
  };
  const today = new Date(`${options.today}T00:00:00Z`);
  counts.spaces = await copyRows(
    client,
    'spaces',
    [
      'id',
      'ref',
      'name',
      'nis_code',
      'region_code',
      'operator_type',
      'address',
      'postcode',
      'latitude',
      'longitude',
      'parent_id',
      'languages',
      'pricing',
      'open_to_all_publics',
      'services',
      'email',
      'opened_on',
      'closed_on',
      'opening_hours',
      'scheduled_weekly_hours',
      'scheduled_hours_with_animator',
    ],
    spaces.map((s) => [
      s.id,
      s.ref,
      s.name,
      s.nisCode,
      s.regionCode,
      s.operatorType,
      `Rue de l'Exemple ${s.index + 1}`,
      s.postcode,
      s.latitude,
      s.longitude,
      s.parentId,
      s.languages,
      s.pricing,
      true,
      s.index % 3 === 0 ? ['printing', 'wifi'] : ['wifi'],
      `epn${s.index + 1}@example.org`,
      s.openedOn,
      s.closedOn,
      s.openingHours,
      s.weeklyHours,
      s.hoursWithAnimator,
    ]),
  );
  counts.labels = await copyRows(client, 'labels', [...LABEL_COLUMNS], planLabels(spaces, options));
  if (options.spacesOnly) {
    await client.query('ANALYZE');
    return { spaces, counts };
  }

  // Animators: about 1.5 per space; one in ten also works at a second space of the same region.
  const staffPrng = new Prng(streamSeed(options.seed, 4));
  const animators: Array<[id: string, ref: string, name: string, email: string]> = [];
  const assignments: unknown[][] = [];
  const animatorsBySpace = new Map<number, string[]>();
  const byRegion = new Map<string, SpacePlan[]>();
  for (const s of spaces) byRegion.set(s.regionCode, [...(byRegion.get(s.regionCode) ?? []), s]);
  for (const s of spaces) {
    const n = staffPrng.int(1, 2);
    for (let k = 0; k < n; k++) {
      const id = staffPrng.uuid();
      const ref = `ANI-${String(animators.length + 1).padStart(6, '0')}`;
      animators.push([id, ref, `Animator ${animators.length + 1}`, `${ref.toLowerCase()}@example.org`]);
      const work = [s];
      if (staffPrng.chance(0.1)) {
        const other = staffPrng.pick(byRegion.get(s.regionCode)!);
        if (other !== s) work.push(other);
      }
      for (const space of work) {
        animatorsBySpace.set(space.index, [...(animatorsBySpace.get(space.index) ?? []), id]);
        const startsOn = addDays(space.openedOn, staffPrng.int(0, 400));
        assignments.push([
          id,
          space.id,
          k === 0 ? 'animator' : staffPrng.pick(['animator', 'project_lead', 'volunteer']),
          staffPrng.pick(['employee', 'social_economy', 'volunteer', 'other']),
          work.length > 1 ? 0.5 : staffPrng.pick([0.5, 0.8, 1]),
          staffPrng.chance(0.7),
          startsOn,
          null,
        ]);
      }
    }
  }
  counts.animators = await copyRows(client, 'animators', ['id', 'ref', 'name', 'email'], animators);
  counts.assignments = await copyRows(
    client,
    'animator_assignments',
    ['animator_id', 'space_id', 'role', 'contract', 'fte', 'qualified', 'starts_on', 'ends_on'],
    assignments,
  );

  const kitPrng = new Prng(streamSeed(options.seed, 5));
  counts.equipment = await copyRows(
    client,
    'equipment',
    ['space_id', 'ref', 'type', 'quantity', 'acquired_on', 'retired_on', 'provenance', 'free_software'],
    spaces.flatMap((s) =>
      Array.from({ length: kitPrng.int(2, 6) }, (_, k) => {
        const acquired = addDays(s.openedOn, kitPrng.int(0, 2000));
        const retired = kitPrng.chance(0.2) ? addDays(acquired, kitPrng.int(365, 2500)) : null;
        return [
          s.id,
          `BATCH-${k + 1}`,
          kitPrng.pick(EQUIPMENT_TYPES),
          kitPrng.int(1, 12),
          acquired < today ? acquired : today,
          retired && retired < today ? retired : null,
          kitPrng.pick(PROVENANCES),
          kitPrng.chance(0.4),
        ];
      }),
    ),
  );

  // Funding: structural lines from the region and the municipality every year open, and now and then a project.
  const fundPrng = new Prng(streamSeed(options.seed, 6));
  const funding: unknown[][] = [];
  for (const s of spaces) {
    for (let year = Math.max(options.fromYear, s.openedOn.getUTCFullYear()); year <= options.toYear; year++) {
      if (s.closedOn && s.closedOn.getUTCFullYear() < year) break;
      funding.push([s.id, year, 'region', fundPrng.int(8, 60) * 1000, 'structural', '', null]);
      if (fundPrng.chance(0.6))
        funding.push([s.id, year, 'municipality', fundPrng.int(2, 25) * 1000, 'structural', '', null]);
      if (fundPrng.chance(0.15))
        funding.push([
          s.id,
          year,
          fundPrng.pick(['eu', 'region', 'private']),
          fundPrng.int(5, 80) * 1000,
          'project',
          `PRJ-${year}-${s.index}`,
          new Date(Date.UTC(year + 1, 11, 31)),
        ]);
    }
  }
  counts.funding = await copyRows(
    client,
    'funding',
    ['space_id', 'year', 'source', 'amount_eur', 'kind', 'programme', 'ends_on'],
    funding,
  );

  counts.weeklyActivity = await copyRows(
    client,
    'weekly_activity',
    ['space_id', 'week', 'iso_year', 'week_start', ...WEEK_FIGURE_COLUMNS],
    mapIterable(weeklyRows(spaces, options.fromYear, options.toYear, options), (r) => [
      r.space.id,
      weekLabel(r.year, r.week),
      r.year,
      r.monday,
      ...WEEK_FIGURE_COLUMNS.map((c) => r.figures[c]),
    ]),
  );

  // Training sessions: a few a month in busy spaces, each led by one or two of the space's animators.
  const trainPrng = new Prng(streamSeed(options.seed, 7));
  const sessions: unknown[][] = [];
  const sessionAnimators: unknown[][] = [];
  for (const s of spaces) {
    const staff = animatorsBySpace.get(s.index) ?? [];
    for (let year = options.fromYear; year <= options.toYear; year++) {
      const n = Math.round(trainPrng.around(12 * s.busyness, 6));
      for (let k = 0; k < n; k++) {
        const date = new Date(Date.UTC(year, trainPrng.int(0, 11), trainPrng.int(1, 28)));
        if (date < s.openedOn || date >= today || (s.closedOn && date > s.closedOn)) continue;
        const id = trainPrng.uuid();
        const participants = trainPrng.int(1, 14);
        sessions.push([
          id,
          s.id,
          `TS-${year}-${k + 1}`,
          date,
          `Session ${k + 1}`,
          trainPrng.pick(THEMES),
          trainPrng.pick(FORMATS),
          trainPrng.pick([1, 1.5, 2, 3]),
          participants,
          trainPrng.int(0, participants),
          s.languages[0],
        ]);
        if (staff.length > 0) sessionAnimators.push([id, trainPrng.pick(staff)]);
      }
    }
  }
  counts.trainingSessions = await copyRows(
    client,
    'training_sessions',
    [
      'id',
      'space_id',
      'ref',
      'date',
      'title',
      'theme',
      'format',
      'duration_hours',
      'participants',
      'new_participants',
      'language',
    ],
    sessions,
  );
  await copyRows(client, 'training_session_animators', ['session_id', 'animator_id'], sessionAnimators);
  await client.query('ANALYZE');
  return { spaces, counts };
}

function* mapIterable<T, U>(items: Iterable<T>, map: (item: T) => U): Generator<U> {
  for (const item of items) yield map(item);
}

/** A CSV cell as the import contract reads it (`,` separator, `.` decimals, empty for null). */
function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Writes up to `limit` weekly rows in the weekly-activity CSV contract; resolves with the row count. */
export async function writeWeeklyCsv(path: string, rows: Iterable<WeekRow>, limit: number): Promise<number> {
  const out = createWriteStream(path);
  const write = (chunk: string) =>
    out.write(chunk) ? Promise.resolve() : new Promise<void>((resolve) => out.once('drain', () => resolve()));
  await write(WEEKLY_CSV_COLUMNS.join(',') + '\n');
  let count = 0;
  let buffer = '';
  for (const row of rows) {
    if (count >= limit) break;
    buffer +=
      [row.space.ref, weekLabel(row.year, row.week), ...WEEK_FIGURE_COLUMNS.map((c) => row.figures[c])]
        .map(csvCell)
        .join(',') + '\n';
    count++;
    if (buffer.length > 262_144) {
      await write(buffer);
      buffer = '';
    }
  }
  await write(buffer);
  await new Promise<void>((resolve, reject) =>
    out.end((error?: Error | null) => (error ? reject(error) : resolve())),
  );
  return count;
}

export { isoDate };

const LABEL_COLUMNS = [
  'space_id',
  'scheme',
  'scheme_version',
  'status',
  'decision',
  'valid_from',
  'valid_until',
  'decided_at',
  'verification_code',
] as const;

/**
 * Half the Brussels and Walloon spaces hold their region's label (config/labels), granted for three
 * years on their last renewal, with a certificate code anyone can check at /verify. Flanders has no
 * label scheme here. Rows in LABEL_COLUMNS order.
 */
export function planLabels(
  spaces: readonly SpacePlan[],
  options: Pick<WorldOptions, 'seed' | 'today'>,
): unknown[][] {
  const today = new Date(`${options.today}T00:00:00Z`);
  const labelPrng = new Prng(streamSeed(options.seed, 3));
  const certificateCode = () =>
    Array.from({ length: 4 }, () =>
      Array.from({ length: 4 }, () => CODE_ALPHABET[labelPrng.int(0, CODE_ALPHABET.length - 1)]).join(''),
    ).join('-');
  return spaces
    .filter((s) => labelPrng.chance(0.5) && s.regionCode in LABEL_SCHEMES)
    .map((s) => {
      const from = addDays(today, -labelPrng.int(30, 3 * 365));
      const scheme = LABEL_SCHEMES[s.regionCode as keyof typeof LABEL_SCHEMES];
      return [
        s.id,
        scheme.scheme,
        scheme.version,
        'granted',
        'grant',
        from,
        addDays(from, 3 * 365),
        from.toISOString(),
        certificateCode(),
      ];
    });
}
