import { formatLongDate, isLanguage, type Language, type MailMessage } from '../../../core/src/index.js';
import type { PendingExpiryMail } from './label-expiry.repository.js';

/** The label's name in a sentence; the same names as the pages' `find.schemes`. */
const SCHEME_NAMES: Record<Language, Record<string, string>> = {
  nl: { 'brussels-ocr': 'het Brussels OCR-label', 'wallonia-epn': 'het Waals EPN-label' },
  fr: { 'brussels-ocr': 'le label EPN bruxellois', 'wallonia-epn': 'le label EPN de Wallonie' },
  en: { 'brussels-ocr': 'the Brussels OCR label', 'wallonia-epn': 'the Walloon EPN label' },
};
const ANY_LABEL: Record<Language, string> = { nl: 'het label', fr: 'le label', en: 'the label' };

const capitalise = (text: string) => text[0].toUpperCase() + text.slice(1);

/**
 * The warning e-mail, in the reader's language: what ends when, and what to do. It goes to the
 * space's coordinators and to the region's staff; only staff can start an evaluation, so it tells
 * each of them their part.
 */
export function labelExpiryMail(m: PendingExpiryMail): MailMessage {
  const lang: Language = isLanguage(m.language?.trim()) ? (m.language.trim() as Language) : 'nl';
  const date = formatLongDate(m.validUntil, lang);
  const label = SCHEME_NAMES[lang][m.scheme] ?? ANY_LABEL[lang];
  const texts: Record<Language, { subject: string; text: string }> = {
    nl: {
      subject: `Het label van ${m.spaceName} loopt af op ${date}`,
      text: [
        'Hallo,',
        `${capitalise(label)} van ${m.spaceName} (${m.spaceRef}) is geldig tot en met ${date}.`,
        'Om het label te houden, is een nieuwe evaluatie nodig. De regionale medewerkers starten die evaluatie.',
        'Bent u coördinator van de ruimte? Geef uw weken verder door, want de evaluatie gebruikt ze. Hebt u vragen, neem dan contact op met uw regionale contactpersoon.',
        'Dank u wel.',
      ].join('\n\n'),
    },
    fr: {
      subject: `Le label de ${m.spaceName} se termine le ${date}`,
      text: [
        'Bonjour,',
        `${capitalise(label)} de ${m.spaceName} (${m.spaceRef}) est valable jusqu'au ${date} inclus.`,
        'Pour garder le label, une nouvelle évaluation est nécessaire. Ce sont les agents régionaux qui la lancent.',
        "Vous coordonnez l'espace ? Continuez à encoder vos semaines : l'évaluation les utilise. Pour toute question, contactez votre contact régional.",
        'Merci.',
      ].join('\n\n'),
    },
    en: {
      subject: `The label of ${m.spaceName} ends on ${date}`,
      text: [
        'Hello,',
        `${capitalise(label)} of ${m.spaceName} (${m.spaceRef}) ends on ${date}. That is its last valid day.`,
        'To keep the label, the space needs a new evaluation. Regional staff start it.',
        'Are you a coordinator of the space? Keep reporting your weeks: the evaluation uses them. If you have questions, contact your regional contact.',
        'Thank you.',
      ].join('\n\n'),
    },
  };
  return { to: m.email, ...texts[lang] };
}
