import { registerErrorMessages } from '../../core/src/index.js';

/** Plain-language messages for the report codes, in the three languages of the users. */
registerErrorMessages({
  'REPORTS.NOT_FOUND': {
    nl: 'Dit rapport bestaat niet.',
    fr: "Ce rapport n'existe pas.",
    en: 'There is no such report.',
  },
  'REPORTS.REGION_FORBIDDEN': {
    nl: 'U kunt alleen rapporten over uw eigen gewest opvragen.',
    fr: 'Vous ne pouvez demander que des rapports sur votre propre région.',
    en: 'You can only ask for reports on your own region.',
  },
  'REPORTS.NOT_READY': {
    nl: 'Het rapport is nog niet klaar. Probeer het over enkele ogenblikken opnieuw.',
    fr: "Le rapport n'est pas encore prêt. Réessayez dans quelques instants.",
    en: 'The report is not ready yet. Try again in a few moments.',
  },
  'REPORTS.FORMAT_UNAVAILABLE': {
    nl: 'Dit rapport bestaat niet in dit formaat. Kies een ander formaat.',
    fr: "Ce rapport n'existe pas dans ce format. Choisissez un autre format.",
    en: 'This report is not available in this format. Choose another format.',
  },
});
