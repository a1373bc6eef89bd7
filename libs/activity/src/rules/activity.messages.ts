import { defineCsvMessages, type CsvLang, type CsvParams } from '../../../core/src/index.js';
import type { ActivityMessageKey } from './weekly-activity.rule.js';

const num = (lang: CsvLang, value: unknown) =>
  typeof value === 'number'
    ? new Intl.NumberFormat({ nl: 'nl-BE', fr: 'fr-BE', en: 'en-GB' }[lang], {
        useGrouping: false,
        maximumFractionDigits: 2,
      }).format(value)
    : String(value);

/**
 * Plain-language reasons for the activity checks, shared by the API (field errors) and the CSV import
 * (row errors). Each says what to do.
 */
export const activityMessages = defineCsvMessages<ActivityMessageKey>(
  {
    'week.hours_range': (p) =>
      `enter a number of hours from 0 to 168 (a week has 168 hours; you wrote ${num('en', p.value)})`,
    'week.hours_decimals': (p) =>
      `write the hours with at most 2 decimals, for example 7.5 or 7.25 (you wrote ${p.value})`,
    'week.animator_over_opening': (p) =>
      `the hours with an animator (${num('en', p.value)}) cannot be more than the opening hours (${num('en', p.openingHours)})`,
    'week.not_negative': (p) => `enter 0 or more (you wrote ${num('en', p.value)})`,
    'week.whole_number': (p) => `enter a whole number of 0 or more (you wrote ${num('en', p.value)})`,
    'week.too_large': (p) => `enter at most ${num('en', p.max)} (you wrote ${num('en', p.value)})`,
    'week.purposes_over_visits': (p) =>
      `the visits by purpose add up to ${num('en', p.total)}, which is more than the ${num('en', p.visits)} visits; lower them or raise the visits`,
    'week.profile_over_visits': (p) =>
      `this count (${num('en', p.value)}) cannot be more than the ${num('en', p.visits)} visits`,
    'week.future': (p) => `week ${p.week} has not started yet; you can only enter weeks that have begun`,
    'week.space_inactive': (p) =>
      `the space was not open in week ${p.week} (opened ${p.openedOn}${p.closedOn ? `, closed ${p.closedOn}` : ''}); check the week or the space's dates`,
    'training.new_over_participants': (p) =>
      `new participants (${num('en', p.value)}) cannot be more than participants (${num('en', p.participants)})`,
    'training.duration_range': (p) =>
      `enter a duration of more than 0 and at most 24 hours (you wrote ${num('en', p.value)})`,
    'training.duration_decimals': (p) =>
      `write the duration with at most 2 decimals, for example 1.5 or 0.75 hours (you wrote ${p.value})`,
  },
  {
    'week.hours_range': (p) =>
      `vul een aantal uren in van 0 tot 168 (een week heeft 168 uur; u schreef ${num('nl', p.value)})`,
    'week.hours_decimals': (p) =>
      `schrijf de uren met hoogstens 2 decimalen, bijvoorbeeld 7,5 of 7,25 (u schreef ${String(p.value).replace('.', ',')})`,
    'week.animator_over_opening': (p) =>
      `de uren met een animator (${num('nl', p.value)}) kunnen niet meer zijn dan de openingsuren (${num('nl', p.openingHours)})`,
    'week.not_negative': (p) => `vul 0 of meer in (u schreef ${num('nl', p.value)})`,
    'week.whole_number': (p) => `vul een heel getal van 0 of meer in (u schreef ${num('nl', p.value)})`,
    'week.too_large': (p) => `vul hoogstens ${num('nl', p.max)} in (u schreef ${num('nl', p.value)})`,
    'week.purposes_over_visits': (p) =>
      `de bezoeken per doel zijn samen ${num('nl', p.total)}, meer dan de ${num('nl', p.visits)} bezoeken; verlaag ze of verhoog de bezoeken`,
    'week.profile_over_visits': (p) =>
      `dit aantal (${num('nl', p.value)}) kan niet meer zijn dan de ${num('nl', p.visits)} bezoeken`,
    'week.future': (p) =>
      `week ${p.week} is nog niet begonnen; u kunt alleen weken invullen die al begonnen zijn`,
    'week.space_inactive': (p) =>
      `de ruimte was niet open in week ${p.week} (geopend ${p.openedOn}${p.closedOn ? `, gesloten ${p.closedOn}` : ''}); controleer de week of de data van de ruimte`,
    'training.new_over_participants': (p) =>
      `nieuwe deelnemers (${num('nl', p.value)}) kunnen niet meer zijn dan deelnemers (${num('nl', p.participants)})`,
    'training.duration_range': (p) =>
      `vul een duur in van meer dan 0 en hoogstens 24 uur (u schreef ${num('nl', p.value)})`,
    'training.duration_decimals': (p) =>
      `schrijf de duur met hoogstens 2 decimalen, bijvoorbeeld 1,5 of 0,75 uur (u schreef ${String(p.value).replace('.', ',')})`,
  },
  {
    'week.hours_range': (p) =>
      `indiquez un nombre d'heures de 0 à 168 (une semaine compte 168 heures ; vous avez écrit ${num('fr', p.value)})`,
    'week.hours_decimals': (p) =>
      `écrivez les heures avec au plus 2 décimales, par exemple 7,5 ou 7,25 (vous avez écrit ${String(p.value).replace('.', ',')})`,
    'week.animator_over_opening': (p) =>
      `les heures avec un animateur (${num('fr', p.value)}) ne peuvent pas dépasser les heures d'ouverture (${num('fr', p.openingHours)})`,
    'week.not_negative': (p) => `indiquez 0 ou plus (vous avez écrit ${num('fr', p.value)})`,
    'week.whole_number': (p) =>
      `indiquez un nombre entier de 0 ou plus (vous avez écrit ${num('fr', p.value)})`,
    'week.too_large': (p) => `indiquez au plus ${num('fr', p.max)} (vous avez écrit ${num('fr', p.value)})`,
    'week.purposes_over_visits': (p) =>
      `les visites par motif font ensemble ${num('fr', p.total)}, plus que les ${num('fr', p.visits)} visites ; diminuez-les ou augmentez les visites`,
    'week.profile_over_visits': (p) =>
      `ce nombre (${num('fr', p.value)}) ne peut pas dépasser les ${num('fr', p.visits)} visites`,
    'week.future': (p) =>
      `la semaine ${p.week} n'a pas encore commencé ; vous ne pouvez encoder que des semaines déjà commencées`,
    'week.space_inactive': (p) =>
      `l'espace n'était pas ouvert la semaine ${p.week} (ouvert le ${p.openedOn}${p.closedOn ? `, fermé le ${p.closedOn}` : ''}) ; vérifiez la semaine ou les dates de l'espace`,
    'training.new_over_participants': (p) =>
      `les nouveaux participants (${num('fr', p.value)}) ne peuvent pas dépasser les participants (${num('fr', p.participants)})`,
    'training.duration_range': (p) =>
      `indiquez une durée de plus de 0 et d'au plus 24 heures (vous avez écrit ${num('fr', p.value)})`,
    'training.duration_decimals': (p) =>
      `écrivez la durée avec au plus 2 décimales, par exemple 1,5 ou 0,75 heure (vous avez écrit ${String(p.value).replace('.', ',')})`,
  },
);

/** A sentence for the API: the message with a capital and a full stop. */
export function activityMessage(key: ActivityMessageKey, params: CsvParams, lang: CsvLang): string {
  const text = activityMessages[lang][key](params);
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}
