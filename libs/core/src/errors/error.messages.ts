import { registerErrorMessages } from '../i18n/error-messages.js';

/**
 * Words for the codes the error edge itself gives (requests refused before any route runs). Their
 * English defaults live where they are raised (app-exception.filter.ts, unsafe-text.ts).
 */
registerErrorMessages({
  'HTTP.BAD_URL': {
    en: 'The address is not valid: it holds a broken %-escape or a character that cannot be read.',
    nl: 'Het adres is niet geldig: het bevat een onvolledige %-code of een teken dat niet gelezen kan worden.',
    fr: 'L’adresse n’est pas valide : elle contient un code % incomplet ou un caractère illisible.',
  },
  'HTTP.URI_TOO_LONG': {
    en: 'A part of the address is too long.',
    nl: 'Een deel van het adres is te lang.',
    fr: 'Une partie de l’adresse est trop longue.',
  },
  'HTTP.NOT_FOUND': {
    en: 'There is nothing at this address.',
    nl: 'Op dit adres staat niets.',
    fr: 'Il n’y a rien à cette adresse.',
  },
  'VALIDATION.TOO_DEEP': {
    en: 'The request nests too deeply (at most 32 levels). Send the fields as the API describes them.',
    nl: 'Het verzoek is te diep genest (hoogstens 32 niveaus). Stuur de velden zoals de API ze beschrijft.',
    fr: 'La requête est trop imbriquée (32 niveaux au plus). Envoyez les champs comme l’API les décrit.',
  },
});
