import type { Language } from './language.js';

/**
 * Plain-language messages for error codes, per language. The edge (the exception filter) answers
 * in the caller's language when the code is listed here; codes not listed keep the message the
 * lib gave. Libs add their codes through `registerErrorMessages`.
 */
export type ErrorMessageCatalogue = Record<string, Record<Language, string>>;

const catalogue: ErrorMessageCatalogue = {
  'AUTH.INVALID_CREDENTIALS': {
    nl: 'Het e-mailadres of het wachtwoord klopt niet.',
    fr: "L'adresse e-mail ou le mot de passe n'est pas correct.",
    en: 'The e-mail address or password is not right.',
  },
  'AUTH.UNAUTHENTICATED': {
    nl: 'Meld u eerst aan.',
    fr: "Connectez-vous d'abord.",
    en: 'Please sign in first.',
  },
  'AUTH.FORBIDDEN': {
    nl: 'U mag dit niet doen.',
    fr: "Vous n'avez pas le droit de faire ceci.",
    en: 'You may not do this.',
  },
  'VALIDATION.FAILED': {
    nl: 'Sommige velden zijn niet juist ingevuld.',
    fr: 'Certains champs ne sont pas correctement remplis.',
    en: 'Some fields are not valid.',
  },
  'HTTP.TOO_MANY_REQUESTS': {
    nl: 'Te veel pogingen. Wacht een minuut en probeer opnieuw.',
    fr: 'Trop de tentatives. Attendez une minute et réessayez.',
    en: 'Too many attempts. Wait a minute and try again.',
  },
  'SYSTEM.INTERNAL': {
    nl: 'Er ging iets mis bij ons. Probeer het later opnieuw.',
    fr: 'Un problème est survenu chez nous. Réessayez plus tard.',
    en: 'Something went wrong on our side. Try again later.',
  },
  'SYSTEM.DATABASE_UNAVAILABLE': {
    nl: 'De dienst is even niet beschikbaar. Probeer het zo opnieuw.',
    fr: 'Le service est momentanément indisponible. Réessayez dans un instant.',
    en: 'The service is briefly unavailable. Try again soon.',
  },
};

export function registerErrorMessages(messages: ErrorMessageCatalogue): void {
  for (const code of Object.keys(messages)) {
    if (catalogue[code]) throw new Error(`Error messages for ${code} are registered twice`);
  }
  Object.assign(catalogue, messages);
}

export function translateErrorMessage(code: string, language: Language): string | undefined {
  return catalogue[code]?.[language];
}

export function errorMessageCodes(): string[] {
  return Object.keys(catalogue);
}
