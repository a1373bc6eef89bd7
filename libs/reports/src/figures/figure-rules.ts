/**
 * Pure rules of figures.md: rounding half-up on exact decimals, and the null/0 rules. PostgreSQL
 * hands numerics over as decimal strings; rounding those strings (not binary floats) keeps 2.25 → 2.3.
 */

/** Rounds a decimal (string from PostgreSQL, or a number) half-up (away from zero) to `decimals`. */
export function roundHalfUp(value: string | number, decimals: number): number {
  const text = typeof value === 'number' ? toPlainDecimal(value) : value.trim();
  const match = /^(-?)(\d*)(?:\.(\d*))?$/.exec(text);
  if (!match) throw new Error(`not a decimal: ${text}`);
  const [, sign, intPart = '', fracPart = ''] = match;
  const digits = (intPart || '0') + fracPart.padEnd(decimals + 1, '0').slice(0, decimals);
  const nextDigit = Number(fracPart.padEnd(decimals + 1, '0')[decimals]);
  let scaled = BigInt(digits);
  if (nextDigit >= 5) scaled += 1n;
  const abs = Number(scaled) / 10 ** decimals;
  return sign === '-' && abs !== 0 ? -abs : abs;
}

function toPlainDecimal(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
  // Up to 15 significant digits is what a double holds; more would add binary noise.
  return value.toFixed(Math.max(0, Math.min(20, 15 - Math.floor(Math.log10(Math.abs(value) || 1)))));
}

/** A sum, average or percentage of recorded values: `null` when no record contributed. */
export function recorded(value: string | number | null | undefined, decimals: number): number | null {
  if (value === null || value === undefined) return null;
  return roundHalfUp(value, decimals);
}

/** A count of things: 0 when nothing matched. */
export function count(value: string | number | null | undefined): number {
  return value === null || value === undefined ? 0 : Number(value);
}

/** `numerator / denominator × factor`, or null when either is missing or the denominator is 0. */
export function ratio(
  numerator: string | number | null | undefined,
  denominator: string | number | null | undefined,
  factor: number,
  decimals: number,
): number | null {
  if (numerator === null || numerator === undefined || denominator === null || denominator === undefined) {
    return null;
  }
  const d = Number(denominator);
  if (d === 0) return null;
  return roundHalfUp((Number(numerator) * factor) / d, decimals);
}

/** Change from the previous year, for the headline table: null unless both years are numbers. */
export function changeFrom(current: unknown, previous: unknown): number | null {
  if (typeof current !== 'number' || typeof previous !== 'number') return null;
  return roundHalfUp(current - previous, 2);
}

/** FTE still missing to reach the norm of one animator per 10,000 inhabitants (0 when met). */
export function fteGapToNorm(inhabitants: number, fte: number | null): number {
  const needed = inhabitants / 10000;
  const gap = needed - (fte ?? 0);
  return gap > 0 ? roundHalfUp(gap, 2) : 0;
}
