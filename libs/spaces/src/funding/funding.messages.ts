import { registerErrorMessages } from '../../../core/src/index.js';

/** Plain-language messages for the funding codes, in the three languages of the users. */
registerErrorMessages({
  'FUNDING.NOT_FOUND': {
    nl: 'Deze financiering bestaat niet voor deze ruimte.',
    fr: "Ce financement n'existe pas pour cet espace.",
    en: 'There is no such funding for this space.',
  },
  'FUNDING.DUPLICATE': {
    nl: 'Deze ruimte heeft voor dit jaar al financiering van deze bron voor dit programma.',
    fr: 'Cet espace a déjà, pour cette année, un financement de cette source pour ce programme.',
    en: 'This space already has funding from this source for this programme in this year.',
  },
  'FUNDING.VERSION_CONFLICT': {
    nl: 'Iemand anders heeft dit intussen gewijzigd. Laad het opnieuw en voer uw wijziging opnieuw in.',
    fr: "Quelqu'un d'autre l'a modifié entre-temps. Rechargez-le et refaites votre modification.",
    en: 'Someone else changed this after you opened it. Reload it and make your change again.',
  },
});
