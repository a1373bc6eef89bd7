import type { CsvError, CsvParam, CsvParams } from './csv-columns.js';

export type CsvLang = 'nl' | 'fr' | 'en';

export type CsvMessage = (params: CsvParams) => string;

/**
 * One message per key and language; `defineCsvMessages` keeps the three key sets identical at compile
 * time.
 */
export type CsvMessageCatalogue<K extends string = string> = Readonly<
  Record<CsvLang, Readonly<Record<K, CsvMessage>>>
>;

/**
 * Record kinds whose `rowChecks` use their own keys bring their own catalogue. English fixes the keys;
 * Dutch and French must then have exactly the same ones, so a forgotten translation fails type-checking.
 */
export function defineCsvMessages<K extends string>(
  en: Record<K, CsvMessage>,
  nl: Record<NoInfer<K>, CsvMessage>,
  fr: Record<NoInfer<K>, CsvMessage>,
): CsvMessageCatalogue<K> {
  return { en, nl, fr };
}

const locales: Record<CsvLang, string> = { nl: 'nl-BE', fr: 'fr-BE', en: 'en-GB' };

function formatters(lang: CsvLang) {
  // Grouping is off on purpose: "1.000" in a message would read as a decimal to half the audience.
  const numbers = new Intl.NumberFormat(locales[lang], { useGrouping: false, maximumFractionDigits: 10 });
  const ors = new Intl.ListFormat(locales[lang], { type: 'disjunction' });
  const ands = new Intl.ListFormat(locales[lang], { type: 'conjunction' });
  const items = (value: CsvParam | undefined) => (Array.isArray(value) ? value : [String(value)]);
  return {
    num: (value: CsvParam | undefined) =>
      typeof value === 'number' ? numbers.format(value) : String(value ?? ''),
    or: (value: CsvParam | undefined) => ors.format(items(value)),
    and: (value: CsvParam | undefined) => ands.format(items(value)),
  };
}

const e = formatters('en');
const enWrote = (p: CsvParams) => ` (you wrote "${p.value}")`;
const enRange = (p: CsvParams) =>
  p.min !== undefined && p.max !== undefined
    ? ` between ${e.num(p.min)} and ${e.num(p.max)}`
    : p.min !== undefined
      ? ` of ${e.num(p.min)} or more`
      : p.max !== undefined
        ? ` of ${e.num(p.max)} or less`
        : '';

const en = {
  'file.empty': () => 'the file is empty: the first line must contain the column names',
  'file.quote_not_closed': () =>
    'a quotation mark (") opens a cell on this line but is never closed, ' +
    'so the rest of the file cannot be read',
  'file.misplaced_quote': () =>
    'a quotation mark (") is in the wrong place on this line, so the rest of the file cannot be read. ' +
    'A cell that contains quotation marks must itself be between quotation marks, ' +
    'with each inner one doubled, for example "The ""Digipunt"" room"',
  'file.line_too_long': () =>
    'this line is too long to be read (usually because a quotation mark is never closed), ' +
    'so the rest of the file cannot be read',
  'header.unknown_column': (p) =>
    `this column is not recognised; the possible columns are ${e.and(p.allowed)}`,
  'header.missing_column': () => 'this column is required but is missing from the first line',
  'header.duplicate_column': () => 'this column appears more than once in the first line',
  'header.unnamed_column': (p) =>
    `column ${p.position} has no name in the first line; give it a name or delete the column`,
  'row.cell_count': (p) =>
    `this line has ${p.actual} cells but the first line has ${p.expected} columns; ` +
    `check for a missing or extra "${p.separator}"`,
  'row.duplicate_key': (p) => `this row repeats line ${p.firstLine} (same values for ${e.and(p.columns)})`,
  'row.exceeds_column': (p) => `this value cannot be more than the one in column ${p.other}`,
  'cell.required': () => 'this cell cannot be empty',
  'cell.not_utf8': () =>
    'this cell contains characters that cannot be read; save the file as "CSV UTF-8" and try again',
  'cell.text_too_long': (p) => `this text has ${p.length} characters; the maximum is ${p.maxLength}`,
  'cell.integer': (p) => `enter a whole number${enRange(p)}${enWrote(p)}`,
  'cell.decimal': (p) => `enter a number${enRange(p)}${enWrote(p)}`,
  'cell.decimal_comma': (p) =>
    'this file uses commas to separate columns, so write decimals with a point, ' +
    `for example 12.5${enWrote(p)}`,
  'cell.thousands_separator': (p) =>
    `write numbers without a thousands separator, for example 1500 rather than 1.500 or 1,500${enWrote(p)}`,
  'cell.boolean': (p) => `enter yes or no (true/false, ja/nee, oui/non and 1/0 also work)${enWrote(p)}`,
  'cell.date': (p) => `enter a date as YYYY-MM-DD, for example 2016-01-30${enWrote(p)}`,
  'cell.date_not_real': (p) => `this date does not exist${enWrote(p)}`,
  'cell.year_range': (p) => `the year must be between ${p.min} and ${p.max}${enWrote(p)}`,
  'cell.iso_week': (p) => `enter a week as YYYY-Www, for example 2016-W05 for week 5 of 2016${enWrote(p)}`,
  'cell.iso_week_53': (p) => `${p.year} has only 52 weeks${enWrote(p)}`,
  'cell.enum': (p) => `enter one of these values: ${e.or(p.allowed)}${enWrote(p)}`,
  'cell.email': (p) => `enter a valid e-mail address, for example name@example.be${enWrote(p)}`,
  'cell.url': (p) => `enter a web address that starts with http:// or https://${enWrote(p)}`,
  'cell.latitude': (p) =>
    `enter a latitude between -90 and 90 in decimal degrees, for example 50.8466${enWrote(p)}`,
  'cell.longitude': (p) =>
    `enter a longitude between -180 and 180 in decimal degrees, for example 4.3528${enWrote(p)}`,
} satisfies Record<string, CsvMessage>;

export type CsvMessageKey = keyof typeof en;

const n = formatters('nl');
const nlWrote = (p: CsvParams) => ` (u schreef "${p.value}")`;
const nlRange = (p: CsvParams) =>
  p.min !== undefined && p.max !== undefined
    ? ` tussen ${n.num(p.min)} en ${n.num(p.max)}`
    : p.min !== undefined
      ? ` van ${n.num(p.min)} of meer`
      : p.max !== undefined
        ? ` van ${n.num(p.max)} of minder`
        : '';

const nl: Record<CsvMessageKey, CsvMessage> = {
  'file.empty': () => 'het bestand is leeg: de eerste regel moet de kolomnamen bevatten',
  'file.quote_not_closed': () =>
    'op deze regel opent een aanhalingsteken (") een cel, maar het wordt nergens gesloten; ' +
    'de rest van het bestand kan daardoor niet gelezen worden',
  'file.misplaced_quote': () =>
    'op deze regel staat een aanhalingsteken (") op een verkeerde plaats; ' +
    'de rest van het bestand kan daardoor niet gelezen worden. ' +
    'Een cel met aanhalingstekens moet zelf tussen aanhalingstekens staan, ' +
    'met elk aanhalingsteken erin verdubbeld, bijvoorbeeld "Lokaal ""Digipunt"""',
  'file.line_too_long': () =>
    'deze regel is te lang om te lezen (meestal omdat een aanhalingsteken niet gesloten wordt); ' +
    'de rest van het bestand kan daardoor niet gelezen worden',
  'header.unknown_column': (p) => `deze kolom is onbekend; mogelijke kolommen zijn ${n.and(p.allowed)}`,
  'header.missing_column': () => 'deze kolom is verplicht, maar ontbreekt op de eerste regel',
  'header.duplicate_column': () => 'deze kolom staat meer dan één keer op de eerste regel',
  'header.unnamed_column': (p) =>
    `kolom ${p.position} heeft geen naam op de eerste regel; geef ze een naam of verwijder de kolom`,
  'row.cell_count': (p) =>
    `deze regel heeft ${p.actual} cellen, maar de eerste regel heeft ${p.expected} kolommen; ` +
    `kijk na of er een "${p.separator}" ontbreekt of te veel staat`,
  'row.duplicate_key': (p) =>
    `deze rij herhaalt regel ${p.firstLine} (dezelfde waarden voor ${n.and(p.columns)})`,
  'row.exceeds_column': (p) => `deze waarde mag niet groter zijn dan die in kolom ${p.other}`,
  'cell.required': () => 'deze cel mag niet leeg zijn',
  'cell.not_utf8': () =>
    'deze cel bevat tekens die niet gelezen kunnen worden; ' +
    'sla het bestand op als "CSV UTF-8" en probeer opnieuw',
  'cell.text_too_long': (p) => `deze tekst telt ${p.length} tekens; het maximum is ${p.maxLength}`,
  'cell.integer': (p) => `vul een geheel getal in${nlRange(p)}${nlWrote(p)}`,
  'cell.decimal': (p) => `vul een getal in${nlRange(p)}${nlWrote(p)}`,
  'cell.decimal_comma': (p) =>
    'in dit bestand worden de kolommen gescheiden door komma’s, dus schrijf decimalen met een punt, ' +
    `bijvoorbeeld 12.5${nlWrote(p)}`,
  'cell.thousands_separator': (p) =>
    'schrijf getallen zonder scheidingsteken voor duizendtallen, ' +
    `bijvoorbeeld 1500 in plaats van 1.500${nlWrote(p)}`,
  'cell.boolean': (p) => `vul ja of nee in (true/false, yes/no, oui/non en 1/0 mag ook)${nlWrote(p)}`,
  'cell.date': (p) => `vul een datum in als JJJJ-MM-DD, bijvoorbeeld 2016-01-30${nlWrote(p)}`,
  'cell.date_not_real': (p) => `deze datum bestaat niet${nlWrote(p)}`,
  'cell.year_range': (p) => `het jaar moet tussen ${p.min} en ${p.max} liggen${nlWrote(p)}`,
  'cell.iso_week': (p) =>
    `vul een week in als JJJJ-Www, bijvoorbeeld 2016-W05 voor week 5 van 2016${nlWrote(p)}`,
  'cell.iso_week_53': (p) => `${p.year} heeft maar 52 weken${nlWrote(p)}`,
  'cell.enum': (p) => `vul een van deze waarden in: ${n.or(p.allowed)}${nlWrote(p)}`,
  'cell.email': (p) => `vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.be${nlWrote(p)}`,
  'cell.url': (p) => `vul een webadres in dat begint met http:// of https://${nlWrote(p)}`,
  'cell.latitude': (p) =>
    `vul een breedtegraad in tussen -90 en 90, in decimale graden, bijvoorbeeld 50.8466${nlWrote(p)}`,
  'cell.longitude': (p) =>
    `vul een lengtegraad in tussen -180 en 180, in decimale graden, bijvoorbeeld 4.3528${nlWrote(p)}`,
};

const f = formatters('fr');
const frWrote = (p: CsvParams) => ` (vous avez écrit « ${p.value} »)`;
const frRange = (p: CsvParams) =>
  p.min !== undefined && p.max !== undefined
    ? ` entre ${f.num(p.min)} et ${f.num(p.max)}`
    : p.min !== undefined
      ? ` de ${f.num(p.min)} ou plus`
      : p.max !== undefined
        ? ` de ${f.num(p.max)} ou moins`
        : '';

const fr: Record<CsvMessageKey, CsvMessage> = {
  'file.empty': () => 'le fichier est vide : la première ligne doit contenir les noms des colonnes',
  'file.quote_not_closed': () =>
    'sur cette ligne, un guillemet (") ouvre une cellule mais n’est jamais refermé ; ' +
    'la suite du fichier ne peut donc pas être lue',
  'file.misplaced_quote': () =>
    'sur cette ligne, un guillemet (") est mal placé ; la suite du fichier ne peut donc pas être lue. ' +
    'Une cellule qui contient des guillemets doit elle-même être entre guillemets, ' +
    'chaque guillemet intérieur étant doublé, par exemple "Salle ""EPN"""',
  'file.line_too_long': () =>
    'cette ligne est trop longue pour être lue (souvent à cause d’un guillemet jamais refermé) ; ' +
    'la suite du fichier ne peut donc pas être lue',
  'header.unknown_column': (p) =>
    `cette colonne est inconnue ; les colonnes possibles sont ${f.and(p.allowed)}`,
  'header.missing_column': () => 'cette colonne est obligatoire mais ne figure pas sur la première ligne',
  'header.duplicate_column': () => 'cette colonne figure plus d’une fois sur la première ligne',
  'header.unnamed_column': (p) =>
    `la colonne ${p.position} n’a pas de nom sur la première ligne ; ` +
    'donnez-lui un nom ou supprimez la colonne',
  'row.cell_count': (p) =>
    `cette ligne compte ${p.actual} cellules, alors que la première ligne compte ${p.expected} colonnes ; ` +
    `vérifiez s’il manque un « ${p.separator} » ou s’il y en a un de trop`,
  'row.duplicate_key': (p) =>
    `cette ligne répète la ligne ${p.firstLine} (mêmes valeurs pour ${f.and(p.columns)})`,
  'row.exceeds_column': (p) => `cette valeur ne peut pas dépasser celle de la colonne ${p.other}`,
  'cell.required': () => 'cette cellule ne peut pas être vide',
  'cell.not_utf8': () =>
    'cette cellule contient des caractères illisibles ; enregistrez le fichier au format « CSV UTF-8 » ' +
    'et réessayez',
  'cell.text_too_long': (p) => `ce texte compte ${p.length} caractères ; le maximum est de ${p.maxLength}`,
  'cell.integer': (p) => `indiquez un nombre entier${frRange(p)}${frWrote(p)}`,
  'cell.decimal': (p) => `indiquez un nombre${frRange(p)}${frWrote(p)}`,
  'cell.decimal_comma': (p) =>
    'dans ce fichier, les colonnes sont séparées par des virgules : ' +
    `écrivez donc les décimales avec un point, par exemple 12.5${frWrote(p)}`,
  'cell.thousands_separator': (p) =>
    'écrivez les nombres sans séparateur de milliers, ' +
    `par exemple 1500 au lieu de 1.500 ou 1 500${frWrote(p)}`,
  'cell.boolean': (p) =>
    `indiquez oui ou non (true/false, yes/no, ja/nee et 1/0 sont aussi acceptés)${frWrote(p)}`,
  'cell.date': (p) => `indiquez une date au format AAAA-MM-JJ, par exemple 2016-01-30${frWrote(p)}`,
  'cell.date_not_real': (p) => `cette date n’existe pas${frWrote(p)}`,
  'cell.year_range': (p) => `l’année doit être comprise entre ${p.min} et ${p.max}${frWrote(p)}`,
  'cell.iso_week': (p) =>
    `indiquez une semaine au format AAAA-Wss, par exemple 2016-W05 pour la semaine 5 de 2016${frWrote(p)}`,
  'cell.iso_week_53': (p) => `l’année ${p.year} ne compte que 52 semaines${frWrote(p)}`,
  'cell.enum': (p) => `indiquez une de ces valeurs : ${f.or(p.allowed)}${frWrote(p)}`,
  'cell.email': (p) => `indiquez une adresse e-mail valide, par exemple nom@exemple.be${frWrote(p)}`,
  'cell.url': (p) => `indiquez une adresse web qui commence par http:// ou https://${frWrote(p)}`,
  'cell.latitude': (p) =>
    `indiquez une latitude entre -90 et 90, en degrés décimaux, par exemple 50.8466${frWrote(p)}`,
  'cell.longitude': (p) =>
    `indiquez une longitude entre -180 et 180, en degrés décimaux, par exemple 4.3528${frWrote(p)}`,
};

export const csvMessages: CsvMessageCatalogue<CsvMessageKey> = { en, nl, fr };

// A repeated key names all of the key's columns, e.g. "space_ref, week" (see csv-reader.ts).
const several = (column: string) => column.includes(', ');
const where: Record<CsvLang, (line: number, column: string | null) => string> = {
  en: (line, column) =>
    column === null
      ? `Line ${line}: `
      : `Line ${line}, ${several(column) ? 'columns' : 'column'} ${column}: `,
  nl: (line, column) =>
    column === null
      ? `Regel ${line}: `
      : `Regel ${line}, ${several(column) ? 'kolommen' : 'kolom'} ${column}: `,
  fr: (line, column) =>
    column === null
      ? `Ligne ${line} : `
      : `Ligne ${line}, ${several(column) ? 'colonnes' : 'colonne'} ${column} : `,
};

/**
 * Renders one error as a sentence for a coordinator, e.g.
 * `Line 7, column visits: enter a whole number of 0 or more (you wrote "12.5").`
 * `extra` holds the messages of a record kind's own row checks.
 */
export function formatCsvError(error: CsvError, lang: CsvLang, extra?: CsvMessageCatalogue): string {
  return `${where[lang](error.line, error.column)}${problemOf(error, lang, extra)}.`;
}

/**
 * The same sentence without the line and column, for a table that shows them in columns of their
 * own, e.g. `Enter a whole number of 0 or more (you wrote "12.5").`
 */
export function formatCsvProblem(error: CsvError, lang: CsvLang, extra?: CsvMessageCatalogue): string {
  const problem = problemOf(error, lang, extra);
  return `${problem.charAt(0).toUpperCase()}${problem.slice(1)}.`;
}

function problemOf(error: CsvError, lang: CsvLang, extra?: CsvMessageCatalogue): string {
  const message =
    extra?.[lang][error.key] ?? (csvMessages[lang] as Readonly<Record<string, CsvMessage>>)[error.key];
  // A raw key in front of a coordinator would hide the bug; fail where a test will see it.
  if (message === undefined) throw new Error(`No ${lang} message for CSV error key "${error.key}".`);
  return message(error.params);
}
