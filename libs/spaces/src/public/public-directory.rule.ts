/** Pure rules of the public directory. */

export interface Coordinates {
  latitude: number;
  longitude: number;
}

/**
 * Reads `near=lat,lon` (decimal degrees). Null when it is not a point on Earth, so the caller can say
 * which field is wrong.
 */
export function parseNear(near: string): Coordinates | null {
  const parts = near.split(',');
  if (parts.length !== 2 || parts.some((part) => part.trim() === '')) return null;
  const [latitude, longitude] = parts.map(Number);
  if (!Number.isFinite(latitude) || !Number.isFinite(longitude)) return null;
  if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) return null;
  return { latitude, longitude };
}

/** Distances are shown to the nearest 10 metres: more would be false precision for a street address. */
export function roundKm(km: number | null): number | null {
  return km === null ? null : Math.round(km * 100) / 100;
}
