/**
 * Messages of the report pages (one section of the page catalogues; en.ts, fr.ts and nl.ts
 * include it as `reportPages`). NL and FR have the type of EN, so a missing or extra key fails the type check.
 */
export const reportPagesEn = {};

export const reportPagesFr: typeof reportPagesEn = {};

export const reportPagesNl: typeof reportPagesEn = {};
