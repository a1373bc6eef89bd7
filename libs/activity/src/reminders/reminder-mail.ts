import { isLanguage, type Language, type MailMessage } from '../../../core/src/index.js';
import type { PendingMail } from './reminders.repository.js';

/** The reminder e-mail in the coordinator's language: short, plain, and saying what to do. */
export function missingWeekMail(reminder: PendingMail): MailMessage {
  const lang: Language = isLanguage(reminder.language) ? reminder.language : 'nl';
  const { spaceName, spaceRef, week } = reminder;
  const texts: Record<Language, { subject: string; text: string }> = {
    nl: {
      subject: `Herinnering: vul week ${week} in voor ${spaceName}`,
      text: `Hallo,\n\nDe cijfers van week ${week} voor ${spaceName} (${spaceRef}) zijn nog niet ingevuld.\nMeld u aan bij OCR Register en kies "Deze week". De uren staan al klaar; u hoeft alleen de bezoeken in te vullen.\n\nDank u wel.`,
    },
    fr: {
      subject: `Rappel : encodez la semaine ${week} pour ${spaceName}`,
      text: `Bonjour,\n\nLes chiffres de la semaine ${week} pour ${spaceName} (${spaceRef}) ne sont pas encore encodés.\nConnectez-vous à OCR Register et choisissez « Cette semaine ». Les heures sont déjà remplies ; il suffit d'indiquer les visites.\n\nMerci.`,
    },
    en: {
      subject: `Reminder: enter week ${week} for ${spaceName}`,
      text: `Hello,\n\nThe figures of week ${week} for ${spaceName} (${spaceRef}) have not been entered yet.\nSign in to OCR Register and choose "This week". The hours are already filled in; you only need to add the visits.\n\nThank you.`,
    },
  };
  return { to: reminder.email, ...texts[lang] };
}
