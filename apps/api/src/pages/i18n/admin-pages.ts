/**
 * Messages of the admin pages (one section of the page catalogues; en.ts, fr.ts and nl.ts
 * include it as `adminPages`). NL and FR have the type of EN, so a missing or extra key fails the type check.
 */
export const adminPagesEn = {};

export const adminPagesFr: typeof adminPagesEn = {};

export const adminPagesNl: typeof adminPagesEn = {};
