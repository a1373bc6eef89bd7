import { registerErrorMessages } from '../../core/src/index.js';

/** Plain-language messages for the label codes, in the three languages of the users. */
registerErrorMessages({
  'LABELS.SCHEME_NOT_FOUND': {
    nl: 'Dit labelreglement bestaat niet.',
    fr: "Ce référentiel de labellisation n'existe pas.",
    en: 'There is no such label scheme.',
  },
  'LABELS.EVALUATION_NOT_FOUND': {
    nl: 'Deze evaluatie bestaat niet.',
    fr: "Cette évaluation n'existe pas.",
    en: 'There is no such evaluation.',
  },
  'LABELS.NO_SPACES': {
    nl: 'Dit gewest heeft geen ruimtes om te evalueren.',
    fr: "Cette région n'a aucun espace à évaluer.",
    en: 'This region has no spaces to evaluate.',
  },
  'LABELS.DECISION_CONFLICT': {
    nl: 'Iemand anders heeft intussen over dit label beslist. Laad de pagina opnieuw en bekijk de nieuwe toestand.',
    fr: "Quelqu'un d'autre a entre-temps décidé de ce label. Rechargez la page et vérifiez la nouvelle situation.",
    en: 'Someone else decided on this label in the meantime. Reload and check the new situation.',
  },
  'LABELS.NO_CURRENT_LABEL': {
    nl: 'Deze ruimte heeft geen geldig label.',
    fr: "Cet espace n'a pas de label valide.",
    en: 'This space has no label in force.',
  },
  'LABELS.CERTIFICATE_NOT_FOUND': {
    nl: 'Er is geen certificaat met deze code.',
    fr: 'Aucun certificat ne porte ce code.',
    en: 'There is no certificate with this code.',
  },
});
