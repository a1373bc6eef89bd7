import type { Readable } from 'node:stream';
import {
  boolean,
  date,
  decimal,
  defineColumns,
  defineCsvSchema,
  email,
  enumOf,
  integer,
  isoWeek,
  latitude,
  longitude,
  multi,
  text,
  url,
  type CsvSeparator,
  type InferRow,
} from './csv-columns.js';
import { readCsv } from './csv-reader.js';
import { csvExport } from './csv-writer.js';

const columns = defineColumns({
  space_ref: text({ required: true }),
  week: isoWeek({ required: true }),
  opening_hours: decimal({ required: true }),
  visits: integer(),
  languages: multi(enumOf(['nl', 'fr', 'en'])),
  open_to_all_publics: boolean(),
  opened_on: date(),
  contact: email(),
  website: url(),
  lat: latitude(),
  lon: longitude(),
});
type Row = InferRow<typeof columns>;

const row = (overrides: Partial<Row>): Row => ({
  space_ref: 'BXL-1',
  week: '2016-W05',
  opening_hours: 12.5,
  visits: 40,
  languages: ['nl', 'fr'],
  open_to_all_publics: true,
  opened_on: '2015-03-01',
  contact: 'info@digipunt.be',
  website: 'https://digipunt.be',
  lat: 50.8466,
  lon: 4.3528,
  ...overrides,
});

async function readText(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
}

describe('csvExport', () => {
  it('writes the header in schema order, then one formatted line per row', async () => {
    const nulls = row({
      visits: null,
      languages: null,
      open_to_all_publics: null,
      opened_on: null,
      lat: null,
    });
    const output = await readText(
      csvExport(columns, [row({ open_to_all_publics: false }), nulls], { bom: false }),
    );
    expect(output.split('\r\n')).toEqual([
      'space_ref,week,opening_hours,visits,languages,open_to_all_publics,opened_on,contact,website,lat,lon',
      'BXL-1,2016-W05,12.5,40,nl|fr,false,2015-03-01,info@digipunt.be,https://digipunt.be,50.8466,4.3528',
      'BXL-1,2016-W05,12.5,,,,,info@digipunt.be,https://digipunt.be,,4.3528',
      '',
    ]);
  });

  it('uses decimal commas with ; and quotes cells that contain the separator', async () => {
    const output = await readText(
      csvExport(columns, [row({ space_ref: 'Gent; Zuid', opening_hours: 0.5, lat: -3.25 })], {
        separator: ';',
      }),
    );
    expect(output.startsWith('\uFEFFspace_ref;week;')).toBe(true);
    expect(output).toContain('"Gent; Zuid";2016-W05;0,5;40;nl|fr;true;2015-03-01;');
    expect(output).toContain(';-3,25;4,3528\r\n');
  });

  it.each([',', ';'] as const)(
    'reads back exactly what it wrote (separator %s)',
    async (separator: CsvSeparator) => {
      const rows: Row[] = [
        row({}),
        row({ space_ref: 'He said "hi", then; left', opening_hours: 1500.25, visits: -3 }),
        row({ space_ref: 'Wetstraat 16\r\n1000 Brussel', week: '2020-W53', lat: -90, lon: 180 }),
        row({ space_ref: 'Liège – éèà 😀', opening_hours: 0.000001, visits: 0, languages: ['en'] }),
        row({ space_ref: 'x', visits: null, languages: null, open_to_all_publics: false, opened_on: null }),
        row({ space_ref: 'y', contact: null, website: null, lat: null, lon: null, opening_hours: 1e-7 }),
      ];
      async function* source() {
        yield* rows;
      }
      const reader = readCsv(csvExport(columns, source(), { separator }), defineCsvSchema(columns));
      const readBack: Row[] = [];
      for await (const batch of reader) readBack.push(...batch.rows.map((read) => read.values));
      expect(reader.result()).toMatchObject({ separator, errors: [] });
      expect(readBack).toEqual(rows);
    },
  );

  it('fails the stream when the rows fail', async () => {
    async function* source(): AsyncGenerator<Row> {
      yield row({});
      throw new Error('query cancelled');
    }
    await expect(readText(csvExport(columns, source()))).rejects.toThrow('query cancelled');
  });
});
