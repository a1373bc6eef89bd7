import Handlebars from 'handlebars';
import type { Language } from '../../../core/src/index.js';

/**
 * The certificate, one page, printable to PDF from any browser (A4, no backgrounds needed, no page
 * break inside). Every value is escaped (double braces only); strict mode makes a missing value an
 * error instead of an empty line on an official document.
 */
const SOURCE = `<!doctype html>
<html lang="{{lang}}">
<head>
<meta charset="utf-8">
<title>{{t.title}} – {{space.name}}</title>
<style>
  @page { size: A4; margin: 18mm; }
  * { box-sizing: border-box; }
  body { font-family: Georgia, "Times New Roman", serif; color: #111; margin: 0; }
  .sheet { border: 3px double #1f3a5f; padding: 16mm 14mm; min-height: 250mm; page-break-inside: avoid; }
  h1 { font-size: 26pt; text-align: center; margin: 0 0 6mm; color: #1f3a5f; }
  .scheme { text-align: center; font-size: 14pt; margin-bottom: 14mm; }
  .space { text-align: center; font-size: 22pt; font-weight: bold; margin: 8mm 0 2mm; }
  .where { text-align: center; font-size: 12pt; margin-bottom: 14mm; }
  dl { display: grid; grid-template-columns: 45mm 1fr; gap: 3mm 6mm; font-size: 12pt; margin: 0 0 14mm; }
  dt { font-weight: bold; }
  dd { margin: 0; }
  .code { font-family: "Courier New", monospace; font-size: 14pt; letter-spacing: 1px; }
  .verify { font-size: 10pt; border-top: 1px solid #999; padding-top: 4mm; }
  @media print { body { -webkit-print-color-adjust: exact; print-color-adjust: exact; } }
</style>
</head>
<body>
<main class="sheet">
  <h1>{{t.title}}</h1>
  <p class="scheme">{{schemeTitle}} ({{t.version}} {{label.schemeVersion}})</p>
  <p>{{t.certifies}}</p>
  <p class="space">{{space.name}}</p>
  <p class="where">{{space.ref}} · {{regionName}}</p>
  <dl>
    <dt>{{t.validFrom}}</dt><dd>{{label.validFrom}}</dd>
    <dt>{{t.validUntil}}</dt><dd>{{label.validUntil}}</dd>
    <dt>{{t.code}}</dt><dd class="code">{{label.verificationCode}}</dd>
  </dl>
  <p class="verify">{{t.verify}} <span class="code">{{verifyPath}}</span></p>
</main>
</body>
</html>`;

export const CERTIFICATE_TEMPLATE = Handlebars.create().compile(SOURCE, { strict: true });

export const CERTIFICATE_TEXTS: Record<Language, Record<string, string>> = {
  nl: {
    title: 'Labelcertificaat',
    version: 'versie',
    certifies:
      'Het gewest verklaart dat de volgende openbare computerruimte voldoet aan de criteria van het label:',
    validFrom: 'Geldig vanaf',
    validUntil: 'Geldig tot en met',
    code: 'Verificatiecode',
    verify: 'Controleer de echtheid van dit certificaat met de verificatiecode op:',
  },
  fr: {
    title: 'Certificat de label',
    version: 'version',
    certifies: "La région certifie que l'espace public numérique suivant répond aux critères du label :",
    validFrom: 'Valable à partir du',
    validUntil: "Valable jusqu'au",
    code: 'Code de vérification',
    verify: "Vérifiez l'authenticité de ce certificat avec son code de vérification à l'adresse :",
  },
  en: {
    title: 'Label certificate',
    version: 'version',
    certifies:
      'The region certifies that the following public computer space meets the criteria of the label:',
    validFrom: 'Valid from',
    validUntil: 'Valid until (inclusive)',
    code: 'Verification code',
    verify: 'Check that this certificate is genuine with its verification code at:',
  },
};

export const REGION_NAMES: Record<Language, Record<string, string>> = {
  nl: { BRU: 'Brussels Hoofdstedelijk Gewest', WAL: 'Waals Gewest', VLA: 'Vlaams Gewest' },
  fr: { BRU: 'Région de Bruxelles-Capitale', WAL: 'Région wallonne', VLA: 'Région flamande' },
  en: { BRU: 'Brussels-Capital Region', WAL: 'Walloon Region', VLA: 'Flemish Region' },
};
