import { LOCALES, isLanguage, type Language, type MailMessage } from '../../../core/src/index.js';
import { weekEnd, weekStart } from '../rules/iso-weeks.js';
import type { PendingMail } from './reminders.repository.js';

function dayText(date: string, lang: Language, withMonth: boolean, withYear: boolean): string {
  const d = new Date(`${date}T00:00:00Z`);
  const day = d.getUTCDate();
  const month = new Intl.DateTimeFormat(LOCALES[lang], { month: 'long', timeZone: 'UTC' }).format(d);
  return [
    lang === 'fr' && day === 1 ? '1er' : String(day),
    withMonth ? month : '',
    withYear ? String(d.getUTCFullYear()) : '',
  ]
    .filter(Boolean)
    .join(' ');
}

/**
 * An ISO week (2026-W47) in words, with its dates: "Week 47 (16–22 november 2026)",
 * « Semaine 47 (du 16 au 22 novembre 2026) », "Week 47 (16–22 November 2026)". `capital: false`
 * starts with a lower-case letter, for use inside a sentence ("la semaine 47 (…)").
 */
export function weekInWords(week: string, lang: Language, capital = true): string {
  const from = weekStart(week);
  const to = weekEnd(week);
  const sameYear = from.slice(0, 4) === to.slice(0, 4);
  const sameMonth = sameYear && from.slice(5, 7) === to.slice(5, 7);
  const start = dayText(from, lang, !sameMonth, !sameYear);
  const end = dayText(to, lang, true, true);
  const range = lang === 'fr' ? `du ${start} au ${end}` : sameMonth ? `${start}–${end}` : `${start} – ${end}`;
  const word = lang === 'fr' ? 'semaine' : 'week';
  return `${capital ? word[0].toUpperCase() + word.slice(1) : word} ${Number(week.slice(6))} (${range})`;
}

/**
 * The reminder e-mail in the coordinator's language: short, plain, and saying what to do. It names
 * the button the pages really show, links to the week's form when the site's address is known, and
 * says the hours are filled in only when the space has opening hours to fill them from.
 */
export function missingWeekMail(reminder: PendingMail, baseUrl: string | null = null): MailMessage {
  const lang: Language = isLanguage(reminder.language) ? reminder.language : 'nl';
  const { spaceName, spaceRef, week, hoursKnown } = reminder;
  const link = baseUrl ? `${baseUrl}/spaces/${encodeURIComponent(spaceRef)}/week?week=${week}` : null;
  const inText = weekInWords(week, lang, false);
  const texts: Record<Language, { subject: string; text: string }> = {
    nl: {
      subject: `Herinnering: geef ${inText} door voor ${spaceName}`,
      text: [
        'Hallo,',
        `De cijfers van ${inText} voor ${spaceName} (${spaceRef}) zijn nog niet doorgegeven.`,
        link
          ? `Open deze pagina om ze door te geven (meld u eerst aan als dat gevraagd wordt):\n${link}`
          : `Meld u aan bij OCR Register, ga naar "Mijn ruimtes" en kies "Een week doorgeven" bij ${spaceName}.`,
        hoursKnown
          ? 'De uren staan al ingevuld volgens uw openingsuren. Kijk ze na en vul de bezoeken in.'
          : 'Vul de uren en de bezoeken in.',
        'Dank u wel.',
      ].join('\n\n'),
    },
    fr: {
      subject: `Rappel : encodez la ${inText} pour ${spaceName}`,
      text: [
        'Bonjour,',
        `Les chiffres de la ${inText} pour ${spaceName} (${spaceRef}) ne sont pas encore encodés.`,
        link
          ? `Ouvrez cette page pour les encoder (connectez-vous d'abord si on vous le demande) :\n${link}`
          : `Connectez-vous à OCR Register, allez dans « Mes espaces » et choisissez « Encoder une semaine » pour ${spaceName}.`,
        hoursKnown
          ? 'Les heures sont déjà remplies selon votre horaire. Vérifiez-les et indiquez les visites.'
          : 'Indiquez les heures et les visites.',
        'Merci.',
      ].join('\n\n'),
    },
    en: {
      subject: `Reminder: report ${inText} for ${spaceName}`,
      text: [
        'Hello,',
        `The figures of ${inText} for ${spaceName} (${spaceRef}) have not been reported yet.`,
        link
          ? `Open this page to report them (log in first if you are asked to):\n${link}`
          : `Log in to OCR Register, go to "My spaces" and choose "Report a week" for ${spaceName}.`,
        hoursKnown
          ? 'The hours are already filled in from your opening hours. Check them and add the visits.'
          : 'Fill in the hours and the visits.',
        'Thank you.',
      ].join('\n\n'),
    },
  };
  return { to: reminder.email, ...texts[lang] };
}
