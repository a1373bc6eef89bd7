// The space registry lib. So far: the opening-hours rules (OpenStreetMap syntax, Brussels time).
export * from './rules/opening-hours.rule.js';
export * from './rules/brussels-time.js';
export { isoWeekMonday } from './rules/iso-week.js';
