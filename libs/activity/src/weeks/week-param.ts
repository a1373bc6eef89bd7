import { validationFailed, type FieldError, type Language } from '../../../core/src/index.js';
import { OpeningHoursError } from '../../../spaces/src/index.js';
import { weekStart } from '../rules/iso-weeks.js';

const WEEK_PATTERN = /^\d{4}-W\d{2}$/;

/** Whether `week` names a real ISO week (2026-W05 does, 2025-W53 and 2026-W00 do not). */
export function isRealWeek(week: string): boolean {
  if (!WEEK_PATTERN.test(week)) return false;
  try {
    weekStart(week);
    return true;
  } catch (error) {
    if (!(error instanceof OpeningHoursError)) throw error;
    return false;
  }
}

/** The field error of a week parameter that is not a real week, in the caller's language. */
export function notAWeek(field: string, week: string, lang: Language): FieldError {
  const message = {
    en: `"${week}" is not a week. Write it as year-W-week number, for example 2026-W05.`,
    nl: `"${week}" is geen week. Schrijf het als jaar-W-weeknummer, bijvoorbeeld 2026-W05.`,
    fr: `"${week}" n'est pas une semaine. Écrivez-la comme année-W-numéro, par exemple 2026-W05.`,
  }[lang];
  return { field, message, code: 'week.invalid' };
}

/** Both ends of a period (`from`, `to`) must be real weeks; a 400 naming each one that is not. */
export function assertPeriod(from: string, to: string, lang: Language): void {
  const errors = Object.entries({ from, to })
    .filter(([, week]) => !isRealWeek(week))
    .map(([field, week]) => notAWeek(field, week, lang));
  if (errors.length > 0) throw validationFailed(errors);
}
