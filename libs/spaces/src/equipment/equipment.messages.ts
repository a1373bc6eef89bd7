import { registerErrorMessages } from '../../../core/src/index.js';

/** Plain-language messages for the equipment codes, in the three languages of the users. */
registerErrorMessages({
  'EQUIPMENT.NOT_FOUND': {
    nl: 'Dit toestel bestaat niet in deze ruimte.',
    fr: "Cet équipement n'existe pas dans cet espace.",
    en: 'There is no such equipment at this space.',
  },
  'EQUIPMENT.REF_TAKEN': {
    nl: 'Deze ruimte heeft al een toestel met deze referentie. Kies een andere referentie.',
    fr: 'Cet espace a déjà un équipement avec cette référence. Choisissez-en une autre.',
    en: 'This space already has equipment with this reference. Choose another reference.',
  },
  'EQUIPMENT.VERSION_CONFLICT': {
    nl: 'Iemand anders heeft dit intussen gewijzigd. Laad het opnieuw en voer uw wijziging opnieuw in.',
    fr: "Quelqu'un d'autre l'a modifié entre-temps. Rechargez-le et refaites votre modification.",
    en: 'Someone else changed this after you opened it. Reload it and make your change again.',
  },
});
