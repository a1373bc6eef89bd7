import type { Principal } from '../../../../libs/core/src/index.js';
import { CATALOGUES } from './i18n/catalogues.js';
import type { ReportPagesRepository } from './report-pages.repository.js';
import { ownRegion, readReportForm, ReportPagesService } from './report-pages.service.js';

const principal = (role: Principal['role'], regionCode: Principal['regionCode'] = null): Principal => ({
  userId: 'u',
  email: 'x@example.be',
  role,
  regionCode,
  sessionId: 's',
  preferredLanguage: 'en',
});
const m = CATALOGUES.en;
const good = { type: 'regional', region: 'BRU', year: '2025', audience: 'internal', language: 'fr' };

describe('ownRegion', () => {
  it('fixes regional staff to their region, leaves admins free, refuses coordinators', () => {
    expect(ownRegion(principal('regional_staff', 'WAL'))).toBe('WAL');
    expect(ownRegion(principal('admin'))).toBeNull();
    expect(() => ownRegion(principal('coordinator'))).toThrow(expect.objectContaining({ status: 403 }));
  });
});

describe('readReportForm', () => {
  it('turns a valid form into the request ReportsService takes', () => {
    expect(readReportForm(good, null, m, 2026)).toEqual({
      dto: { type: 'regional', region: 'BRU', year: 2025, audience: 'internal', language: 'fr' },
      errors: [],
    });
  });

  it('uses the fixed region of regional staff, whatever the form says', () => {
    expect(readReportForm({ ...good, region: 'BRU' }, 'WAL', m, 2026).dto?.region).toBe('WAL');
    expect(readReportForm({ ...good, region: '' }, 'WAL', m, 2026).dto?.region).toBe('WAL');
  });

  it('lets admins ask for Belgium as a whole', () => {
    expect(readReportForm({ ...good, region: 'BE' }, null, m, 2026).dto?.region).toBe('BE');
  });

  it('names every wrong field, with years from 2000 to the current year', () => {
    const read = readReportForm(
      { type: 'national', region: 'XX', year: '2027', audience: 'press', language: 'de' },
      null,
      m,
      2026,
    );
    expect(read.dto).toBeNull();
    expect(read.errors.map((e) => e.field)).toEqual(['type', 'region', 'year', 'audience', 'language']);
    expect(read.errors[2].message).toBe('Write a year from 2000 to 2026, for example 2025.');
    for (const year of ['1999', '20x6', '', '02025', '2025.0']) {
      expect(readReportForm({ ...good, year }, null, m, 2026).errors.map((e) => e.field)).toEqual(['year']);
    }
    expect(readReportForm({ ...good, year: '2000' }, null, m, 2026).errors).toEqual([]);
    expect(readReportForm({ ...good, year: '2026' }, null, m, 2026).errors).toEqual([]);
  });
});

describe('ReportPagesService.form', () => {
  it("starts each line of the error summary with its field's label, in the reader's typography", async () => {
    const runs = { recent: () => Promise.resolve([]) } as unknown as ReportPagesRepository;
    const service = new ReportPagesService({} as never, runs);
    const fr = CATALOGUES.fr;
    const errors = readReportForm({ ...good, year: '20x5' }, 'BRU', fr, 2026).errors;
    const view = await service.form(principal('regional_staff', 'BRU'), 'fr', {
      values: { year: '20x5' },
      errors,
    });
    const summary = (view.data as { errorSummary: { items: Array<{ href: string; message: string }> } })
      .errorSummary;
    expect(summary.items).toEqual([
      { href: '#field-year', message: `${fr.reportPages.year} : ${errors[0].message}` },
    ]);
  });
});
