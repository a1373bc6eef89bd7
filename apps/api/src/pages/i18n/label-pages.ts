/**
 * Messages of the label pages (one section of the page catalogues; en.ts, fr.ts and nl.ts
 * include it as `labelPages`). NL and FR have the type of EN, so a missing or extra key fails the type check.
 */
export const labelPagesEn = {};

export const labelPagesFr: typeof labelPagesEn = {};

export const labelPagesNl: typeof labelPagesEn = {};
