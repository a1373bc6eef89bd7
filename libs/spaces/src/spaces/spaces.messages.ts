import {
  registerErrorMessages,
  translateErrorMessage,
  type ErrorMessageCatalogue,
} from '../../../core/src/index.js';

/**
 * Plain-language messages (NL/FR/EN) for the codes of the space registry. The edge answers with these
 * in the caller's language; `details` keep the field-level specifics.
 */
export const SPACES_MESSAGES: ErrorMessageCatalogue = {
  'SPACES.REF_TAKEN': {
    nl: 'Er bestaat al een ruimte met deze referentie. Kies een andere.',
    fr: 'Un espace avec cette référence existe déjà. Choisissez-en une autre.',
    en: 'A space with this ref already exists. Choose another one.',
  },
  'SPACES.IN_USE': {
    nl: 'Deze ruimte heeft nog antennes, animatoren, uitrusting, financiering, labels of activiteitsgegevens en kan niet worden verwijderd. Vul in plaats daarvan een sluitingsdatum in.',
    fr: "Cet espace a encore des antennes, des animateurs, de l'équipement, des financements, des labels ou des données d'activité et ne peut pas être supprimé. Indiquez plutôt une date de fermeture.",
    en: 'This space still has antennas, animators, equipment, funding, labels or activity records, so it cannot be deleted. Set its closing date instead.',
  },
  'SPACES.VERSION_CONFLICT': {
    nl: 'Iemand anders heeft deze ruimte gewijzigd nadat u ze opende. Laad ze opnieuw en breng uw wijziging opnieuw aan.',
    fr: "Quelqu'un d'autre a modifié cet espace après que vous l'avez ouvert. Rechargez-le et refaites votre modification.",
    en: 'Someone else changed this space after you opened it. Reload it and make your change again.',
  },
  'SPACES.STAFF_ONLY_FIELDS': {
    nl: 'Alleen gewestelijke medewerkers mogen de gemeente, de hoofdruimte, de uitbater, het charter of de openings- en sluitingsdatum wijzigen.',
    fr: "Seul le personnel régional peut modifier la commune, l'espace parent, l'opérateur, la charte ou les dates d'ouverture et de fermeture.",
    en: 'Only regional staff can change the municipality, parent space, operator, charter or opening and closing dates.',
  },
  'SPACES.OUTSIDE_REGION': {
    nl: 'Deze gemeente ligt in een ander gewest. U beheert alleen ruimtes in uw eigen gewest.',
    fr: 'Cette commune se trouve dans une autre région. Vous ne gérez que les espaces de votre région.',
    en: 'This municipality is in another region. You manage spaces in your own region only.',
  },
  'SPACES.NOT_FOUND': {
    nl: 'Deze ruimte bestaat niet.',
    fr: "Cet espace n'existe pas.",
    en: 'This space does not exist.',
  },
  'OPENING_HOURS.INVALID': {
    nl: 'De openingsuren zijn niet correct geschreven. De details zeggen wat er mis is.',
    fr: "Les heures d'ouverture ne sont pas écrites correctement. Les détails indiquent le problème.",
    en: 'The opening hours are not written correctly. The details say what is wrong.',
  },
  'OPENING_HOURS.INVALID_SCHEDULE': {
    nl: 'Het uurrooster klopt niet: een tijdvak of sluiting is ongeldig of overlapt. De details zeggen welk.',
    fr: "L'horaire n'est pas correct : une plage ou une fermeture est invalide ou se chevauche. Les détails indiquent laquelle.",
    en: 'The schedule is not right: a time range or closure is invalid or overlaps another. The details say which.',
  },
};

/**
 * Registers the messages once. `SPACES.NOT_FOUND` (raised by the access guard for every space route) and
 * the opening-hours codes (also met by imports) are shared with other parts of the registry, so codes
 * someone already registered are left as they are rather than refused.
 */
export function registerSpacesMessages(): void {
  const missing = Object.fromEntries(
    Object.entries(SPACES_MESSAGES).filter(([code]) => translateErrorMessage(code, 'en') === undefined),
  );
  registerErrorMessages(missing);
}

registerSpacesMessages();
