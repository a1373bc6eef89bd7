import {
  defineCsvMessages,
  registerErrorMessages,
  type CsvMessage,
  type CsvParams,
} from '../../../core/src/index.js';

const q = (p: CsvParams, name = 'value') => `"${p[name]}"`;
/** The `columns` parameter as a list, e.g. "visits_job_search, visitors_youth". */
const list = (p: CsvParams) => [p.columns].flat().join(', ');
const several = (p: CsvParams) => [p.columns].flat().length > 1;

const en = {
  'import.null_character': () => 'this cell contains an invisible null character; delete it and try again',
  'import.date_before': (p) => `this date cannot be earlier than the one in column ${p.other}`,
  'import.unknown_space_ref': (p) =>
    `there is no space with ref ${q(p)}; check the ref, or import the space first`,
  'import.space_ref_out_of_scope': (p) =>
    `space ${q(p)} is not one of the spaces you manage, so you cannot import rows for it`,
  'import.unknown_nis_code': (p) =>
    `there is no Belgian municipality with NIS code ${q(p)}; enter the 5-digit NIS code, ` +
    'for example 21004 for Brussels',
  'import.space_out_of_scope': (p) =>
    `space ${q(p)} is not one of the spaces you manage, so you cannot change it`,
  'import.space_create_forbidden': (p) =>
    `there is no space with ref ${q(p)} yet, and only regional staff can add a space; ` +
    'check the ref or ask your region to add the space',
  'import.space_create_other_region': (p) =>
    `this municipality is in region ${p.region}; you can only add spaces in your own region`,
  'import.space_move_other_region': (p) =>
    `this municipality is in region ${p.region}; you can only place spaces in your own region`,
  'import.unknown_parent_ref': (p) =>
    `there is no space with ref ${q(p)}, neither already registered nor as a valid row of this file`,
  'import.parent_out_of_scope': (p) =>
    `space ${q(p)} is not one of the spaces you manage, so it cannot be the parent`,
  'import.parent_is_self': () => 'a space cannot be its own parent; leave parent_ref empty for a main space',
  'import.parent_is_antenna': (p) =>
    `space ${q(p)} is itself an antenna; the parent of an antenna must be a main space`,
  'import.antenna_has_antennas': () =>
    'this space has antennas of its own, so it cannot be an antenna; leave parent_ref empty',
  'import.parent_other_region': (p) =>
    `space ${q(p)} is in region ${p.region}, and an antenna must be in the same region as its parent; ` +
    'check the NIS code or the parent_ref',
  'import.antennas_other_region': (p) =>
    `this space has antennas (${p.value}) that would stay in another region; ` +
    'move them in the same file, or move them first',
  'import.opening_hours_invalid': (p) =>
    `these opening hours cannot be read (${p.detail}); write them like ` +
    'Mo-Fr 09:00-12:00 "animator"; Sa 10:00-12:00',
  'import.animator_anonymised': (p) =>
    `animator ${q(p)} has been anonymised and cannot be imported again; give the person a new ref`,
  'import.animator_differs': (p) =>
    `this is not the same as on line ${p.firstLine}, which has the same animator ref; ` +
    'the name and e-mail address of one animator must be the same on every line',
  'import.animator_elsewhere': (p) =>
    `animator ${q(p)} also works at a space you do not manage, so you cannot change their name or ` +
    'e-mail address; write them as they are now, or ask your region to change them',
  'import.animator_unassigned': (p) =>
    `animator ${q(p)} works at no space at the moment, so only an administrator can change their name ` +
    'or e-mail address; write them as they are now, or ask an administrator',
  'import.staff_only_column': (p) =>
    `only regional staff can change this (${p.value === '' ? 'it is empty now' : `it is now "${p.value}"`}); ` +
    'write the value as it is now, or ask your region to change it',
  'import.parent_clear_forbidden': (p) =>
    `this space is an antenna of ${q(p)}, and only regional staff can make an antenna a main space; ` +
    `write ${q(p)} in parent_ref`,
  'import.conflicts_with_stored': (p) =>
    `this does not fit with the value already stored in ${several(p) ? 'columns' : 'column'} ${list(p)}, ` +
    `which this file leaves out (a column left out keeps its stored value); add ${list(p)} to the file ` +
    'with the right value',
} satisfies Record<string, CsvMessage>;

export type ImportMessageKey = keyof typeof en;

/** Reasons for the row errors of the registry's import kinds, in words a coordinator understands. */
export const importMessages = defineCsvMessages<ImportMessageKey>(
  en,
  {
    'import.null_character': () =>
      'deze cel bevat een onzichtbaar nulteken; verwijder het en probeer opnieuw',
    'import.date_before': (p) => `deze datum mag niet vroeger zijn dan die in kolom ${p.other}`,
    'import.unknown_space_ref': (p) =>
      `er bestaat geen ruimte met referentie ${q(p)}; controleer de referentie of importeer eerst de ruimte`,
    'import.space_ref_out_of_scope': (p) =>
      `ruimte ${q(p)} is geen ruimte die u beheert, dus u kunt er geen rijen voor importeren`,
    'import.unknown_nis_code': (p) =>
      `er bestaat geen Belgische gemeente met NIS-code ${q(p)}; vul de NIS-code van 5 cijfers in, ` +
      'bijvoorbeeld 21004 voor Brussel',
    'import.space_out_of_scope': (p) =>
      `ruimte ${q(p)} is geen ruimte die u beheert, dus u kunt ze niet wijzigen`,
    'import.space_create_forbidden': (p) =>
      `er bestaat nog geen ruimte met referentie ${q(p)}, en alleen gewestelijke medewerkers kunnen ` +
      'een ruimte toevoegen; controleer de referentie of vraag uw gewest de ruimte toe te voegen',
    'import.space_create_other_region': (p) =>
      `deze gemeente ligt in gewest ${p.region}; u kunt alleen ruimtes in uw eigen gewest toevoegen`,
    'import.space_move_other_region': (p) =>
      `deze gemeente ligt in gewest ${p.region}; u kunt ruimtes alleen in uw eigen gewest plaatsen`,
    'import.unknown_parent_ref': (p) =>
      `er bestaat geen ruimte met referentie ${q(p)}, niet in het register en niet als geldige rij ` +
      'van dit bestand',
    'import.parent_out_of_scope': (p) =>
      `ruimte ${q(p)} is geen ruimte die u beheert, dus ze kan niet de hoofdruimte zijn`,
    'import.parent_is_self': () =>
      'een ruimte kan niet haar eigen hoofdruimte zijn; laat parent_ref leeg voor een hoofdruimte',
    'import.parent_is_antenna': (p) =>
      `ruimte ${q(p)} is zelf een antenne; de hoofdruimte van een antenne moet een gewone ruimte zijn`,
    'import.antenna_has_antennas': () =>
      'deze ruimte heeft zelf antennes, dus ze kan geen antenne zijn; laat parent_ref leeg',
    'import.parent_other_region': (p) =>
      `ruimte ${q(p)} ligt in gewest ${p.region}, en een antenne moet in hetzelfde gewest liggen als ` +
      'haar hoofdruimte; controleer de NIS-code of parent_ref',
    'import.antennas_other_region': (p) =>
      `deze ruimte heeft antennes (${p.value}) die in een ander gewest zouden blijven; ` +
      'verplaats ze in hetzelfde bestand, of verplaats ze eerst',
    'import.opening_hours_invalid': (p) =>
      `deze openingsuren kunnen niet gelezen worden (${p.detail}); schrijf ze bijvoorbeeld als ` +
      'Mo-Fr 09:00-12:00 "animator"; Sa 10:00-12:00',
    'import.animator_anonymised': (p) =>
      `animator ${q(p)} is geanonimiseerd en kan niet opnieuw geïmporteerd worden; ` +
      'geef de persoon een nieuwe referentie',
    'import.animator_differs': (p) =>
      `dit verschilt van regel ${p.firstLine}, die dezelfde animatorreferentie heeft; ` +
      'naam en e-mailadres van één animator moeten op elke regel hetzelfde zijn',
    'import.animator_elsewhere': (p) =>
      `animator ${q(p)} werkt ook in een ruimte die u niet beheert, dus u kunt de naam en het ` +
      'e-mailadres niet wijzigen; schrijf ze zoals ze nu zijn, of vraag uw gewest ze te wijzigen',
    'import.animator_unassigned': (p) =>
      `animator ${q(p)} werkt op dit moment in geen enkele ruimte, dus alleen een beheerder kan de naam ` +
      'of het e-mailadres wijzigen; schrijf ze zoals ze nu zijn, of vraag het aan een beheerder',
    'import.staff_only_column': (p) =>
      `alleen gewestelijke medewerkers kunnen dit wijzigen (${p.value === '' ? 'het is nu leeg' : `het is nu "${p.value}"`}); ` +
      'schrijf de waarde zoals ze nu is, of vraag uw gewest om ze te wijzigen',
    'import.parent_clear_forbidden': (p) =>
      `deze ruimte is een antenne van ${q(p)}, en alleen gewestelijke medewerkers kunnen van een ` +
      `antenne een hoofdruimte maken; vul ${q(p)} in bij parent_ref`,
    'import.conflicts_with_stored': (p) =>
      `dit past niet bij de waarde die al is opgeslagen in ${several(p) ? 'de kolommen' : 'kolom'} ` +
      `${list(p)}, die in dit bestand ${several(p) ? 'ontbreken' : 'ontbreekt'} (een ontbrekende kolom ` +
      `behoudt de opgeslagen waarde); voeg ${list(p)} toe aan het bestand met de juiste waarde`,
  },
  {
    'import.null_character': () =>
      'cette cellule contient un caractère nul invisible ; supprimez-le et réessayez',
    'import.date_before': (p) => `cette date ne peut pas être antérieure à celle de la colonne ${p.other}`,
    'import.unknown_space_ref': (p) =>
      `aucun espace n’a la référence ${q(p)} ; vérifiez la référence ou importez d’abord l’espace`,
    'import.space_ref_out_of_scope': (p) =>
      `l’espace ${q(p)} ne fait pas partie des espaces que vous gérez : ` +
      'vous ne pouvez pas importer de lignes pour lui',
    'import.unknown_nis_code': (p) =>
      `aucune commune belge n’a le code INS ${q(p)} ; indiquez le code INS à 5 chiffres, ` +
      'par exemple 21004 pour Bruxelles',
    'import.space_out_of_scope': (p) =>
      `l’espace ${q(p)} ne fait pas partie des espaces que vous gérez : vous ne pouvez pas le modifier`,
    'import.space_create_forbidden': (p) =>
      `aucun espace n’a encore la référence ${q(p)}, et seul le personnel régional peut ajouter un espace ; ` +
      'vérifiez la référence ou demandez à votre région d’ajouter l’espace',
    'import.space_create_other_region': (p) =>
      `cette commune se trouve dans la région ${p.region} ; vous ne pouvez ajouter des espaces ` +
      'que dans votre propre région',
    'import.space_move_other_region': (p) =>
      `cette commune se trouve dans la région ${p.region} ; vous ne pouvez placer des espaces ` +
      'que dans votre propre région',
    'import.unknown_parent_ref': (p) =>
      `aucun espace n’a la référence ${q(p)}, ni parmi les espaces enregistrés ni parmi les lignes ` +
      'valides de ce fichier',
    'import.parent_out_of_scope': (p) =>
      `l’espace ${q(p)} ne fait pas partie des espaces que vous gérez : il ne peut pas être l’espace parent`,
    'import.parent_is_self': () =>
      'un espace ne peut pas être son propre parent ; laissez parent_ref vide pour un espace principal',
    'import.parent_is_antenna': (p) =>
      `l’espace ${q(p)} est lui-même une antenne ; le parent d’une antenne doit être un espace principal`,
    'import.antenna_has_antennas': () =>
      'cet espace a lui-même des antennes, il ne peut donc pas être une antenne ; laissez parent_ref vide',
    'import.parent_other_region': (p) =>
      `l’espace ${q(p)} se trouve dans la région ${p.region}, et une antenne doit être dans la même ` +
      'région que son espace parent ; vérifiez le code INS ou parent_ref',
    'import.antennas_other_region': (p) =>
      `cet espace a des antennes (${p.value}) qui resteraient dans une autre région ; ` +
      'déplacez-les dans le même fichier, ou déplacez-les d’abord',
    'import.opening_hours_invalid': (p) =>
      `ces horaires ne peuvent pas être lus (${p.detail}) ; écrivez-les par exemple ainsi : ` +
      'Mo-Fr 09:00-12:00 "animator"; Sa 10:00-12:00',
    'import.animator_anonymised': (p) =>
      `l’animateur ${q(p)} a été anonymisé et ne peut plus être importé ; ` +
      'donnez une nouvelle référence à la personne',
    'import.animator_differs': (p) =>
      `ceci diffère de la ligne ${p.firstLine}, qui a la même référence d’animateur ; ` +
      'le nom et l’adresse e-mail d’un animateur doivent être identiques sur chaque ligne',
    'import.animator_elsewhere': (p) =>
      `l’animateur ${q(p)} travaille aussi dans un espace que vous ne gérez pas : vous ne pouvez pas ` +
      'modifier son nom ni son adresse e-mail ; écrivez-les tels qu’ils sont, ou demandez à votre région ' +
      'de les modifier',
    'import.animator_unassigned': (p) =>
      `l’animateur ${q(p)} ne travaille actuellement dans aucun espace : seul un administrateur peut ` +
      'modifier son nom ou son adresse e-mail ; écrivez-les tels qu’ils sont, ou demandez à un administrateur',
    'import.staff_only_column': (p) =>
      `seul le personnel régional peut modifier ceci (${p.value === '' ? 'c’est vide actuellement' : `c’est actuellement « ${p.value} »`}) ; ` +
      'écrivez la valeur telle qu’elle est, ou demandez à votre région de la modifier',
    'import.parent_clear_forbidden': (p) =>
      `cet espace est une antenne de ${q(p)}, et seul le personnel régional peut faire d’une antenne un ` +
      `espace principal ; indiquez ${q(p)} dans parent_ref`,
    'import.conflicts_with_stored': (p) =>
      `ceci ne correspond pas à la valeur déjà enregistrée dans ${several(p) ? 'les colonnes' : 'la colonne'} ` +
      `${list(p)}, absente${several(p) ? 's' : ''} de ce fichier (une colonne absente garde sa valeur ` +
      `enregistrée) ; ajoutez ${list(p)} au fichier avec la bonne valeur`,
  },
);

/** Plain-language messages for the import error codes; the exception filter picks the caller's language. */
export const IMPORT_ERROR_MESSAGES = {
  'IMPORT.INVALID_ROWS': {
    en: 'The file was not imported because some rows have problems; nothing was saved. Correct the rows listed and import the file again.',
    nl: 'Het bestand is niet geïmporteerd omdat sommige rijen fouten bevatten; er is niets opgeslagen. Verbeter de vermelde rijen en importeer het bestand opnieuw.',
    fr: 'Le fichier n’a pas été importé car certaines lignes posent problème ; rien n’a été enregistré. Corrigez les lignes indiquées et importez à nouveau le fichier.',
  },
  'IMPORT.UNKNOWN_KIND': {
    en: 'This kind of record cannot be imported or exported; check the address (for example /imports/equipment).',
    nl: 'Dit soort gegevens kan niet geïmporteerd of geëxporteerd worden; controleer het adres (bijvoorbeeld /imports/equipment).',
    fr: 'Ce type de données ne peut pas être importé ou exporté ; vérifiez l’adresse (par exemple /imports/equipment).',
  },
  'IMPORT.UNSUPPORTED_MEDIA_TYPE': {
    en: 'Send the file as CSV (Content-Type: text/csv) or as the field "file" of a multipart form.',
    nl: 'Stuur het bestand als CSV (Content-Type: text/csv) of als het veld "file" van een multipart-formulier.',
    fr: 'Envoyez le fichier en CSV (Content-Type: text/csv) ou dans le champ « file » d’un formulaire multipart.',
  },
  'IMPORT.FILE_MISSING': {
    en: 'The form has no file in the field "file".',
    nl: 'Het formulier bevat geen bestand in het veld "file".',
    fr: 'Le formulaire ne contient pas de fichier dans le champ « file ».',
  },
  'IMPORT.MALFORMED_UPLOAD': {
    en: 'The form could not be read. Send the file as the field "file" of a multipart/form-data form, or as text/csv.',
    nl: 'Het formulier kon niet gelezen worden. Stuur het bestand als het veld "file" van een multipart/form-data-formulier, of als text/csv.',
    fr: 'Le formulaire n’a pas pu être lu. Envoyez le fichier dans le champ « file » d’un formulaire multipart/form-data, ou en text/csv.',
  },
  'IMPORT.TOO_LARGE': {
    en: 'The file is too large (at most 200 MB). Split it into several files.',
    nl: 'Het bestand is te groot (hoogstens 200 MB). Verdeel het over meerdere bestanden.',
    fr: 'Le fichier est trop volumineux (200 Mo au maximum). Répartissez-le sur plusieurs fichiers.',
  },
};

registerErrorMessages(IMPORT_ERROR_MESSAGES);
