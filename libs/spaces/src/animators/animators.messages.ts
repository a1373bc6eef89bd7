import { registerErrorMessages } from '../../../core/src/index.js';

/** Plain-language messages for the animator codes, in the three languages of the users. */
registerErrorMessages({
  'ANIMATORS.NOT_FOUND': {
    nl: 'Deze animator bestaat niet.',
    fr: "Cet animateur n'existe pas.",
    en: 'There is no such animator.',
  },
  'ANIMATORS.REF_TAKEN': {
    nl: 'Er is al een animator met deze referentie. Kies een andere referentie.',
    fr: 'Un animateur porte déjà cette référence. Choisissez-en une autre.',
    en: 'An animator with this reference already exists. Choose another reference.',
  },
  'ANIMATORS.VERSION_CONFLICT': {
    nl: 'Iemand anders heeft dit intussen gewijzigd. Laad het opnieuw en voer uw wijziging opnieuw in.',
    fr: "Quelqu'un d'autre l'a modifié entre-temps. Rechargez-le et refaites votre modification.",
    en: 'Someone else changed this after you opened it. Reload it and make your change again.',
  },
  'ANIMATORS.ALREADY_ANONYMISED': {
    nl: 'Deze animator is al geanonimiseerd.',
    fr: 'Cet animateur a déjà été anonymisé.',
    en: 'This animator has already been anonymised.',
  },
  'ANIMATORS.ANONYMISED': {
    nl: 'Deze animator is geanonimiseerd: naam en contactgegevens kunnen niet meer worden ingevuld.',
    fr: 'Cet animateur a été anonymisé : son nom et ses coordonnées ne peuvent plus être remplis.',
    en: 'This animator has been anonymised: name and contact details can no longer be filled in.',
  },
  'ANIMATORS.SHARED_PERSON': {
    nl:
      'Deze persoon werkt ook in een ruimte die u niet beheert. U kunt daarom de naam, ' +
      'contactgegevens en kwalificaties niet wijzigen, de persoon niet anonimiseren en de gegevens ' +
      'niet exporteren. Vraag het aan een beheerder of aan het gewest van die ruimte.',
    fr:
      'Cette personne travaille aussi dans un espace que vous ne gérez pas. Vous ne pouvez donc pas ' +
      "modifier son nom, ses coordonnées ni ses qualifications, l'anonymiser ni exporter ses données. " +
      'Demandez-le à un administrateur ou à la région de cet espace.',
    en:
      'This person also works at a space you do not manage, so you cannot change their name, contact ' +
      'details or qualifications, anonymise them or export their data. Ask an administrator, or the ' +
      'region of that space.',
  },
  'ANIMATORS.ASSIGNMENT_NOT_FOUND': {
    nl: 'Deze toewijzing bestaat niet.',
    fr: "Cette affectation n'existe pas.",
    en: 'There is no such assignment.',
  },
  'ANIMATORS.ASSIGNMENT_EXISTS': {
    nl: 'Deze animator heeft al een toewijzing in deze ruimte die op dezelfde dag begint.',
    fr: 'Cet animateur a déjà une affectation dans cet espace qui commence le même jour.',
    en: 'This animator already has an assignment at this space starting on the same day.',
  },
});
