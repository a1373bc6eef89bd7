import { registerErrorMessages } from '../i18n/error-messages.js';

/** Words for the user-administration refusals; the self-disable words are the admin page's own. */
registerErrorMessages({
  'USERS.CANNOT_DISABLE_SELF': {
    en: 'You cannot turn off your own account.',
    nl: 'U kunt uw eigen account niet uitzetten.',
    fr: 'Vous ne pouvez pas désactiver votre propre compte.',
  },
  'USERS.LAST_ADMIN': {
    en: 'This is the last administrator who can sign in: add or enable another administrator first.',
    nl: 'Dit is de laatste beheerder die kan aanmelden: voeg eerst een andere beheerder toe of zet er een aan.',
    fr: 'C’est le dernier administrateur qui peut se connecter : ajoutez ou réactivez d’abord un autre administrateur.',
  },
});
