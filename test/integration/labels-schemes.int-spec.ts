import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { LabelSchemesService, SCHEMES_FOLDER } from '../../libs/labels/src/index.js';
import { startTestApi, type TestApi } from '../support/test-app.js';

/** Scheme files are loaded at start; a stored version is never overwritten. */
describe('label scheme loading', () => {
  let t: TestApi;
  let ds: DataSource;
  const stored = () =>
    ds.query(
      `SELECT scheme, version, definition->'criteria'->0->>'threshold' AS first FROM label_schemes ORDER BY 1, 2`,
    );
  const folderWith = (files: Record<string, unknown>) => {
    const folder = mkdtempSync(join(tmpdir(), 'schemes-'));
    for (const [name, content] of Object.entries(files))
      writeFileSync(join(folder, name), JSON.stringify(content));
    return folder;
  };
  const file = (name: string) => JSON.parse(readFileSync(join(SCHEMES_FOLDER(), name), 'utf8'));

  beforeAll(async () => {
    t = await startTestApi();
    ds = t.app.get(DataSource);
  });
  afterAll(() => t?.close());

  it('stored the project scheme files when the app started', async () => {
    expect(await stored()).toEqual([
      { scheme: 'brussels-ocr', version: '2021', first: '15' },
      { scheme: 'wallonia-epn', version: '2007', first: '16' },
    ]);
  });

  it('loads the same files again without change (a restart, or a second process)', async () => {
    await t.app.get(LabelSchemesService).load(SCHEMES_FOLDER());
    expect(await stored()).toHaveLength(2);
  });

  it('refuses a file that changes a stored version, and keeps the stored one', async () => {
    const changed = file('brussels-ocr.2021.json');
    changed.criteria[0].threshold = 12;
    const folder = folderWith({ 'brussels-ocr.2021.json': changed });
    await expect(t.app.get(LabelSchemesService).load(folder)).rejects.toThrow(
      /differ from the stored versions: brussels-ocr 2021/,
    );
    expect((await stored())[0]).toEqual({ scheme: 'brussels-ocr', version: '2021', first: '15' });
  });

  it('adds a new version next to the old one', async () => {
    const next = { ...file('brussels-ocr.2021.json'), version: '2025' };
    next.criteria = next.criteria.map((c: any) => (c.id === 'B1' ? { ...c, threshold: 18 } : c));
    await t.app.get(LabelSchemesService).load(folderWith({ 'brussels-ocr.2025.json': next }));
    expect(await stored()).toEqual([
      { scheme: 'brussels-ocr', version: '2021', first: '15' },
      { scheme: 'brussels-ocr', version: '2025', first: '18' },
      { scheme: 'wallonia-epn', version: '2007', first: '16' },
    ]);
    expect((await t.app.get(LabelSchemesService).latest('brussels-ocr')).version).toBe('2025');
  });

  it('lists every problem of a bad file', async () => {
    const bad = { ...file('wallonia-epn.2007.json'), validityYears: 0 };
    bad.criteria[0] = { ...bad.criteria[0], metric: 'nope' };
    await expect(
      t.app.get(LabelSchemesService).load(folderWith({ 'wallonia-epn.2007.json': bad })),
    ).rejects.toThrow(/validityYears[\s\S]*criteria\[0\]\.metric/);
  });
});
