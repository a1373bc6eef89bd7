/**
 * Messages of the hours pages (one section of the page catalogues; en.ts, fr.ts and nl.ts
 * include it as `hoursPages`). NL and FR have the type of EN, so a missing or extra key fails the type check.
 */
export const hoursPagesEn = {};

export const hoursPagesFr: typeof hoursPagesEn = {};

export const hoursPagesNl: typeof hoursPagesEn = {};
