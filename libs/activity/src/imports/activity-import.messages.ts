import type { CsvMessageCatalogue } from '../../../core/src/index.js';
import { importMessages } from '../../../spaces/src/index.js';
import { activityMessages } from '../rules/activity.messages.js';

/** The pipeline's messages plus the activity checks', so every row error of these kinds has words. */
export const activityImportMessages: CsvMessageCatalogue = {
  en: { ...importMessages.en, ...activityMessages.en },
  nl: { ...importMessages.nl, ...activityMessages.nl },
  fr: { ...importMessages.fr, ...activityMessages.fr },
};
