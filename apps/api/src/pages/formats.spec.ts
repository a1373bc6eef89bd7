import { CATALOGUES } from './i18n/catalogues.js';
import {
  criterionText,
  formatDate,
  formatNumber,
  inputNumber,
  metricName,
  metricValue,
  schemeName,
  weekInWords,
} from './formats.js';

describe('page formats', () => {
  it('writes numbers and dates the way each language does', () => {
    expect(formatNumber(7.5, 'nl')).toBe('7,5');
    expect(formatNumber(7.5, 'fr')).toBe('7,5');
    expect(formatNumber(7.5, 'en')).toBe('7.5');
    expect(inputNumber(1234.5, 'nl')).toBe('1234,5');
    expect(inputNumber(12, 'en')).toBe('12');
    expect(formatDate('2026-11-18', 'nl')).toBe('18 november 2026');
    expect(formatDate('2026-11-18', 'en')).toBe('18 November 2026');
    expect(formatDate(null, 'fr')).toBe('');
  });

  it('names a week by number and dates, never by its ISO code', () => {
    expect(weekInWords('2026-W47', 'en')).toBe('Week 47 (16–22 November 2026)');
    expect(weekInWords('2026-W47', 'fr')).toBe('Semaine 47 (du 16 au 22 novembre 2026)');
  });

  it('names label schemes, metrics and rules in words, with percentages', () => {
    expect(schemeName('brussels-ocr', CATALOGUES.fr)).toBe('Label EPN bruxellois');
    expect(schemeName('unknown', CATALOGUES.fr)).toBe('unknown');
    expect(metricName('reporting_completeness_pct', CATALOGUES.nl)).toBe('Doorgegeven weken (%)');
    const words = { yes: 'ja', no: 'nee', none: 'geen gegevens' };
    expect(metricValue(82.5, 'reporting_completeness_pct', 'nl', words)).toBe('82,5 %');
    expect(metricValue(15, 'avg_weekly_opening_hours', 'nl', words)).toBe('15');
    expect(metricValue(true, 'charter_signed', 'nl', words)).toBe('ja');
    expect(metricValue(null, 'charter_signed', 'nl', words)).toBe('geen gegevens');
    const criteria = [{ id: 'B1', label: { nl: 'Minstens 15 uur open', en: 'Open 15 h' } }];
    expect(criterionText(criteria, 'B1', 'avg_weekly_opening_hours', 'nl', CATALOGUES.nl)).toBe(
      'B1: Minstens 15 uur open',
    );
    expect(criterionText([], 'B2', 'devices_in_service', 'en', CATALOGUES.en)).toBe(
      'B2: Computers and tablets in use',
    );
    // French typography: a space before the colon.
    const fr = [{ id: 'B1', label: { fr: 'Ouvert au moins 15 h' } }];
    expect(criterionText(fr, 'B1', 'avg_weekly_opening_hours', 'fr', CATALOGUES.fr)).toBe(
      'B1 : Ouvert au moins 15 h',
    );
  });
});
