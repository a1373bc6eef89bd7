import { isLanguage, type Language, type MailMessage } from '../../../core/src/index.js';
import type { PendingExpiryMail } from './label-expiry.repository.js';

/** The warning e-mail, in the reader's language: what ends when, and what to do. */
export function labelExpiryMail(m: PendingExpiryMail): MailMessage {
  const lang: Language = isLanguage(m.language?.trim()) ? (m.language.trim() as Language) : 'nl';
  const texts: Record<Language, { subject: string; text: string }> = {
    nl: {
      subject: `Het label van ${m.spaceName} loopt af op ${m.validUntil}`,
      text: `Hallo,\n\nHet label ${m.scheme} van ${m.spaceName} (${m.spaceRef}) is geldig tot en met ${m.validUntil}.\nVraag tijdig een nieuwe evaluatie aan om het te laten verlengen.\n\nDank u wel.`,
    },
    fr: {
      subject: `Le label de ${m.spaceName} expire le ${m.validUntil}`,
      text: `Bonjour,\n\nLe label ${m.scheme} de ${m.spaceName} (${m.spaceRef}) est valable jusqu'au ${m.validUntil}.\nDemandez à temps une nouvelle évaluation pour le faire renouveler.\n\nMerci.`,
    },
    en: {
      subject: `The label of ${m.spaceName} ends on ${m.validUntil}`,
      text: `Hello,\n\nThe ${m.scheme} label of ${m.spaceName} (${m.spaceRef}) is valid until ${m.validUntil} included.\nAsk for a new evaluation in time to have it renewed.\n\nThank you.`,
    },
  };
  return { to: m.email, ...texts[lang] };
}
