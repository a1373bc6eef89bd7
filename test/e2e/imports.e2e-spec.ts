import { api, startTestApi, type TestApi } from '../support/test-app.js';
import { seedRegistryWorld, type RegistryWorld } from '../support/registry-world.js';

const HEADERS = {
  spaces:
    'ref,name,nis_code,operator_type,address,postcode,opened_on,closed_on,parent_ref,languages,pricing,' +
    'open_to_all_publics,charter_signed_on,latitude,longitude,email,phone,website,opening_hours',
  animators: 'ref,name,email,space_ref,role,contract,fte,qualified,starts_on,ends_on',
  equipment: 'space_ref,ref,type,quantity,acquired_on,retired_on,provenance,free_software',
  funding: 'space_ref,year,source,amount_eur,kind,programme,ends_on',
} as const;
type Kind = keyof typeof HEADERS;

const csv = (...lines: string[]) => `${lines.join('\r\n')}\r\n`;

describe('CSV import and export (real PostgreSQL, real HTTP)', () => {
  let t: TestApi;
  let w: RegistryWorld;

  const upload = (
    kind: string,
    body: string,
    options: { token?: string; query?: string; lang?: string; contentType?: string } = {},
  ) =>
    api(t.baseUrl, 'POST', `/api/v1/imports/${kind}${options.query ?? ''}`, {
      token: options.token ?? w.tokens.admin,
      body,
      headers: {
        'content-type': options.contentType ?? 'text/csv',
        ...(options.lang && { 'accept-language': options.lang }),
      },
    });

  const download = async (kind: string, token = w.tokens.admin, separator?: ',' | ';') => {
    const query = separator ? `?separator=${encodeURIComponent(separator)}` : '';
    const res = await fetch(`${t.baseUrl}/api/v1/exports/${kind}${query}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    return { status: res.status, headers: res.headers, text: await res.text() };
  };

  const count = async (table: string, where = 'TRUE', params: unknown[] = []) =>
    (await w.sql<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE ${where}`, params))[0].n;

  /** Row counts of every table an import can write, to prove a refused import wrote nothing. */
  const snapshot = async () => ({
    spaces: await count('spaces'),
    animators: await count('animators'),
    assignments: await count('animator_assignments'),
    equipment: await count('equipment'),
    funding: await count('funding'),
    audit: await count('audit_log'),
  });

  beforeAll(async () => {
    t = await startTestApi();
    w = await seedRegistryWorld(t);
  });
  afterAll(() => t?.close());

  describe('equipment', () => {
    it('imports a 10,000-row file in one go, with one audit entry per row', async () => {
      const lines: string[] = [HEADERS.equipment];
      for (let i = 1; i <= 10_000; i++) {
        const space = i % 2 ? 'BRU-B' : 'WAL-C';
        lines.push(
          `${space},BULK-${String(i).padStart(5, '0')},laptop,${(i % 7) + 1},2020-01-0${(i % 9) + 1},,purchase,yes`,
        );
      }
      const auditBefore = await count('audit_log');
      const res = await upload('equipment', csv(...lines));
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ created: 10_000, updated: 0, unchanged: 0, dryRun: false });
      expect(await count('equipment', `ref LIKE 'BULK-%'`)).toBe(10_000);
      expect(await count('audit_log')).toBe(auditBefore + 10_000);
      const [row] = await w.sql(
        `SELECT e.type, e.quantity, e.acquired_on::text AS acquired_on, e.free_software, sp.ref AS space_ref
         FROM equipment e JOIN spaces sp ON sp.id = e.space_id WHERE e.ref = 'BULK-00007'`,
      );
      expect(row).toEqual({
        type: 'laptop',
        quantity: 1,
        acquired_on: '2020-01-08',
        free_software: true,
        space_ref: 'BRU-B',
      });
      const [audit] = await w.sql(
        `SELECT actor, action, after FROM audit_log WHERE entity = 'equipment'
         AND after->>'ref' = 'BULK-00007'`,
      );
      expect(audit).toMatchObject({
        actor: 'world-admin@example.be',
        action: 'create',
        after: { ref: 'BULK-00007', spaceRef: 'BRU-B', quantity: 1, type: 'laptop' },
      });
    }, 120_000);

    const badFile = csv(
      HEADERS.equipment,
      'BRU-A,BAD-1,desktop,2,2020-01-01,,purchase,yes',
      'BRU-A,BAD-2,desktop,0,2020-01-01,,purchase,yes',
      'BRU-A,BAD-3,tablet,1,,,,',
      'NOPE-1,BAD-4,desktop,1,,,,',
      'BRU-B,BAD-5,printer,1,2021-05-01,2022-01-01,donation,no',
      'BRU-B,BAD-6,printer,1,2021-05-01,2021-04-30,donation,no',
    );

    it('rejects a file with 3 bad rows, listing exactly those rows, and writes nothing', async () => {
      const before = await snapshot();
      const res = await upload('equipment', badFile);
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('IMPORT.INVALID_ROWS');
      expect(res.body.errors.map((e: any) => [e.line, e.column])).toEqual([
        [3, 'quantity'],
        [5, 'space_ref'],
        [7, 'retired_on'],
      ]);
      expect(res.body.errors[0].message).toMatch(/^Line 3, column quantity: /);
      expect(res.body.errors[1].message).toContain('"NOPE-1"');
      expect(res.body.errors[2].message).toContain('acquired_on');
      expect(await snapshot()).toEqual(before);
      expect(await count('equipment', `ref LIKE 'BAD-%'`)).toBe(0);
    });

    it('words the row errors and the answer in the language of Accept-Language', async () => {
      const nl = await upload('equipment', badFile, { lang: 'nl-BE,nl;q=0.9' });
      const fr = await upload('equipment', badFile, { lang: 'fr-BE' });
      const en = await upload('equipment', badFile, { lang: 'en-GB' });
      expect(nl.body.errors[0].message).toMatch(/^Regel 3, kolom quantity: vul een geheel getal in/);
      expect(nl.body.errors[1].message).toContain('er bestaat geen ruimte met referentie "NOPE-1"');
      expect(nl.body.message).toContain('niet geïmporteerd');
      expect(fr.body.errors[0].message).toMatch(/^Ligne 3, colonne quantity : indiquez un nombre entier/);
      expect(fr.body.errors[1].message).toContain('aucun espace n’a la référence "NOPE-1"');
      expect(fr.body.errors[2].message).toContain('antérieure à celle de la colonne acquired_on');
      expect(fr.body.message).toContain('n’a pas été importé');
      expect(en.body.errors[2].message).toBe(
        'Line 7, column retired_on: this date cannot be earlier than the one in column acquired_on.',
      );
      expect(en.body.message).toContain('not imported');
    });

    it('changes nothing when the same file is imported twice, and audits only real changes', async () => {
      const file = csv(
        HEADERS.equipment,
        'BRU-A,TWICE-1,desktop,4,2019-03-01,,regional_programme,true',
        'BRU-A1,TWICE-2,3d_printer,1,,,,',
      );
      expect((await upload('equipment', file)).body).toEqual({
        created: 2,
        updated: 0,
        unchanged: 0,
        dryRun: false,
      });
      const auditAfterFirst = await count('audit_log');
      const again = await upload('equipment', file);
      expect(again.body).toEqual({ created: 0, updated: 0, unchanged: 2, dryRun: false });
      expect(await count('audit_log')).toBe(auditAfterFirst);

      const changed = csv(
        HEADERS.equipment,
        'BRU-A,TWICE-1,desktop,5,2019-03-01,,regional_programme,true',
        'BRU-A1,TWICE-2,3d_printer,1,,,,',
      );
      expect((await upload('equipment', changed)).body).toEqual({
        created: 0,
        updated: 1,
        unchanged: 1,
        dryRun: false,
      });
      expect(await count('audit_log')).toBe(auditAfterFirst + 1);
      const [entry] = await w.sql(
        `SELECT action, before, after FROM audit_log WHERE entity = 'equipment' ORDER BY id DESC LIMIT 1`,
      );
      expect(entry).toMatchObject({
        action: 'update',
        before: { ref: 'TWICE-1', quantity: 4, version: 1 },
        after: { ref: 'TWICE-1', quantity: 5, version: 2 },
      });
    });

    it('dryRun reports the counts and writes nothing', async () => {
      const file = csv(
        HEADERS.equipment,
        'BRU-B,DRY-1,desktop,1,,,,',
        'BRU-A,TWICE-1,desktop,6,2019-03-01,,regional_programme,true',
        'BRU-A1,TWICE-2,3d_printer,1,,,,',
      );
      const before = await snapshot();
      const res = await upload('equipment', file, { query: '?dryRun=true' });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ created: 1, updated: 1, unchanged: 1, dryRun: true });
      expect(await snapshot()).toEqual(before);
      const [row] = await w.sql(`SELECT quantity FROM equipment WHERE ref = 'TWICE-1'`);
      expect(row.quantity).toBe(5);
    });

    it('accepts the file as the multipart field "file"', async () => {
      const form = new FormData();
      form.append(
        'file',
        new Blob([csv(HEADERS.equipment, 'BRU-B,FORM-1,tablet,3,,,donation,')], { type: 'text/csv' }),
        'equipment.csv',
      );
      const res = await fetch(`${t.baseUrl}/api/v1/imports/equipment`, {
        method: 'POST',
        headers: { authorization: `Bearer ${w.tokens.admin}` },
        body: form,
      });
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ created: 1, updated: 0, unchanged: 0, dryRun: false });
      expect(await count('equipment', `ref = 'FORM-1' AND quantity = 3`)).toBe(1);
    });

    it('refuses a form without the field "file"', async () => {
      const form = new FormData();
      form.append('upload', new Blob([csv(HEADERS.equipment, 'BRU-B,FORM-2,tablet,3,,,,')]), 'x.csv');
      const res = await fetch(`${t.baseUrl}/api/v1/imports/equipment`, {
        method: 'POST',
        headers: { authorization: `Bearer ${w.tokens.admin}` },
        body: form,
      });
      expect(res.status).toBe(400);
      expect(((await res.json()) as any).code).toBe('IMPORT.FILE_MISSING');
      expect(await count('equipment', `ref = 'FORM-2'`)).toBe(0);
    });
  });

  describe('requests', () => {
    it('answers 400 IMPORT.UNKNOWN_KIND for a kind nobody registered', async () => {
      const res = await upload('furniture', csv('a,b', '1,2'));
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('IMPORT.UNKNOWN_KIND');
      const exported = await download('furniture');
      expect(exported.status).toBe(400);
      expect(JSON.parse(exported.text).code).toBe('IMPORT.UNKNOWN_KIND');
    });

    it('answers 415 for a body that is neither text/csv nor multipart', async () => {
      const json = await upload('equipment', JSON.stringify({ rows: [] }), {
        contentType: 'application/json',
      });
      expect(json.status).toBe(415);
      const plain = await upload('equipment', csv(HEADERS.equipment), { contentType: 'text/plain' });
      expect(plain.status).toBe(415);
      const xml = await upload('equipment', '<rows/>', { contentType: 'application/xml' });
      expect(xml.status).toBe(415);
    });

    it('takes text/csv on the import route only', async () => {
      const res = await api(t.baseUrl, 'POST', '/api/v1/auth/login', {
        body: 'email,password\r\n',
        headers: { 'content-type': 'text/csv' },
      });
      expect(res.status).toBe(415);
    });

    it('accepts text/csv with a charset, and a file with a byte-order mark', async () => {
      const res = await upload('equipment', `\uFEFF${csv(HEADERS.equipment, 'BRU-B,BOM-1,other,1,,,,')}`, {
        contentType: 'text/csv; charset=utf-8',
      });
      expect(res.status).toBe(200);
      expect(res.body.created).toBe(1);
    });

    it('requires a signed-in caller', async () => {
      const res = await api(t.baseUrl, 'POST', '/api/v1/imports/equipment', {
        body: csv(HEADERS.equipment, 'BRU-B,ANON-1,other,1,,,,'),
        headers: { 'content-type': 'text/csv' },
      });
      expect(res.status).toBe(401);
    });

    it('refuses a cell with a null character instead of failing on it', async () => {
      const res = await upload('equipment', csv(HEADERS.equipment, 'BRU-B,NUL\u0000-1,desktop,1,,,,'));
      expect(res.status).toBe(422);
      expect(res.body.errors).toEqual([{ line: 2, column: 'ref', message: expect.stringContaining('null') }]);
    });

    it('rejects a file with an unknown or a missing required column', async () => {
      const res = await upload('equipment', csv('space_ref,ref,type,colour', 'BRU-B,X,desktop,red'));
      expect(res.status).toBe(422);
      expect(res.body.errors.map((e: any) => [e.line, e.column])).toEqual([
        [1, 'colour'],
        [1, 'quantity'],
      ]);
    });
  });

  describe('scope', () => {
    it("refuses coordinator A's row for BRU-B, naming its line, and writes nothing", async () => {
      const before = await snapshot();
      const res = await upload(
        'equipment',
        csv(
          HEADERS.equipment,
          'BRU-A,SCOPE-1,desktop,1,,,,',
          'BRU-A1,SCOPE-2,desktop,1,,,,',
          'BRU-B,SCOPE-3,desktop,1,,,,',
        ),
        { token: w.tokens.coordA },
      );
      expect(res.status).toBe(422);
      expect(res.body.errors).toEqual([
        { line: 4, column: 'space_ref', message: expect.stringContaining('"BRU-B"') },
      ]);
      expect(await snapshot()).toEqual(before);
    });

    it('lets coordinator A import rows of BRU-A and its antenna', async () => {
      const res = await upload(
        'funding',
        csv(
          HEADERS.funding,
          'BRU-A,2024,municipality,1000,structural,,',
          'BRU-A1,2024,region,200,project,Digital,2024-12-31',
        ),
        { token: w.tokens.coordA },
      );
      expect(res.body).toEqual({ created: 2, updated: 0, unchanged: 0, dryRun: false });
      const [entry] = await w.sql(
        `SELECT actor, actor_user_id FROM audit_log WHERE entity = 'funding' ORDER BY id DESC LIMIT 1`,
      );
      expect(entry).toEqual({ actor: 'coord-a@example.be', actor_user_id: w.users.coordA });
    });

    it("refuses BRU staff's row for a Walloon space, and writes nothing", async () => {
      const before = await snapshot();
      const res = await upload(
        'funding',
        csv(HEADERS.funding, 'BRU-B,2024,region,10,project,,', 'WAL-C,2024,region,10,project,,'),
        { token: w.tokens.staffBRU, lang: 'fr' },
      );
      expect(res.status).toBe(422);
      expect(res.body.errors).toEqual([
        {
          line: 3,
          column: 'space_ref',
          message: expect.stringContaining('l’espace "WAL-C" ne fait pas partie des espaces que vous gérez'),
        },
      ]);
      expect(await snapshot()).toEqual(before);
    });

    it('gives coordinator A an export of BRU-A and BRU-A1 rows only', async () => {
      const equipment = await download('equipment', w.tokens.coordA);
      expect(equipment.status).toBe(200);
      const spaceRefs = new Set(
        equipment.text
          .replace(/^\uFEFF/, '')
          .trim()
          .split('\r\n')
          .slice(1)
          .map((line) => line.split(',')[0]),
      );
      expect([...spaceRefs].sort()).toEqual(['BRU-A', 'BRU-A1']);
      const spaces = await download('spaces', w.tokens.coordA);
      const refs = spaces.text
        .trim()
        .split('\r\n')
        .slice(1)
        .map((line) => line.split(',')[0]);
      expect(refs).toEqual(['BRU-A', 'BRU-A1']);
      const staff = await download('spaces', w.tokens.staffWAL);
      expect(
        staff.text
          .trim()
          .split('\r\n')
          .slice(1)
          .map((line) => line.split(',')[0]),
      ).toEqual(['WAL-C']);
    });
  });

  describe('decimal commas in ;-separated files', () => {
    it('reads funding amounts and animator FTEs written the Belgian Excel way', async () => {
      const funding = await upload(
        'funding',
        csv(
          'space_ref;year;source;amount_eur;kind;programme;ends_on',
          'BRU-B;2023;municipality;1250,50;structural;;',
          'BRU-B;2023;eu;"12345,6";project;FEDER 2021-2027;2027-12-31',
        ),
      );
      expect(funding.body).toEqual({ created: 2, updated: 0, unchanged: 0, dryRun: false });
      const amounts = await w.sql(
        `SELECT f.source, f.amount_eur::text AS amount, f.programme FROM funding f JOIN spaces sp
         ON sp.id = f.space_id WHERE sp.ref = 'BRU-B' AND f.year = 2023 ORDER BY f.source`,
      );
      expect(amounts).toEqual([
        { source: 'eu', amount: '12345.60', programme: 'FEDER 2021-2027' },
        { source: 'municipality', amount: '1250.50', programme: '' },
      ]);

      const animators = await upload(
        'animators',
        csv(
          'ref;name;email;space_ref;role;contract;fte;qualified;starts_on;ends_on',
          'ANI-SEMI;Sam Semicolon;sam@example.be;BRU-B;animator;employee;0,5;ja;2022-09-01;',
          'ANI-SEMI;Sam Semicolon;sam@example.be;BRU-A;volunteer;volunteer;0,25;nee;2023-01-01;2023-06-30',
        ),
      );
      expect(animators.body).toEqual({ created: 2, updated: 0, unchanged: 0, dryRun: false });
      const ftes = await w.sql(
        `SELECT sp.ref, x.fte::text AS fte, x.qualified FROM animator_assignments x
         JOIN animators a ON a.id = x.animator_id JOIN spaces sp ON sp.id = x.space_id
         WHERE a.ref = 'ANI-SEMI' ORDER BY sp.ref`,
      );
      expect(ftes).toEqual([
        { ref: 'BRU-A', fte: '0.250', qualified: false },
        { ref: 'BRU-B', fte: '0.500', qualified: true },
      ]);
    });

    it('refuses a decimal comma in a ,-separated file', async () => {
      const res = await upload('funding', csv(HEADERS.funding, 'BRU-B,2022,region,"1250,50",project,,'));
      expect(res.status).toBe(422);
      expect(res.body.errors).toEqual([{ line: 2, column: 'amount_eur', message: expect.any(String) }]);
    });
  });

  describe('animators', () => {
    it('keeps one person per ref, and no name or e-mail in the audit trail', async () => {
      const res = await upload(
        'animators',
        csv(
          HEADERS.animators,
          'ANI-1,Amina Verbeke,amina@example.be,BRU-A,animator,employee,0.8,true,2021-01-04,',
          'ANI-1,Amina Verbeke,amina@example.be,BRU-A1,project_lead,employee,0.2,true,2021-01-04,',
          'ANI-2,Bram Peeters,,BRU-B,volunteer,volunteer,0.1,,2020-02-01,2020-12-31',
        ),
      );
      expect(res.body).toEqual({ created: 3, updated: 0, unchanged: 0, dryRun: false });
      expect(await count('animators', `ref IN ('ANI-1', 'ANI-2')`)).toBe(2);

      // A new e-mail address for the person counts both of their rows as updated.
      const renamed = await upload(
        'animators',
        csv(
          HEADERS.animators,
          'ANI-1,Amina Verbeke,amina.verbeke@example.be,BRU-A,animator,employee,0.8,true,2021-01-04,',
          'ANI-1,Amina Verbeke,amina.verbeke@example.be,BRU-A1,project_lead,employee,0.2,true,2021-01-04,',
          'ANI-2,Bram Peeters,,BRU-B,volunteer,volunteer,0.1,,2020-02-01,2020-12-31',
        ),
      );
      expect(renamed.body).toEqual({ created: 0, updated: 2, unchanged: 1, dryRun: false });

      const trail = await w.sql<{ action: string; before: any; after: any }>(
        `SELECT action, before, after FROM audit_log WHERE entity = 'animator' ORDER BY id`,
      );
      const text = JSON.stringify(trail);
      for (const secret of ['Amina', 'Verbeke', 'amina@', 'amina.verbeke@', 'Bram', 'ANI-1', 'ANI-2']) {
        expect(text).not.toContain(secret);
      }
      const creates = trail.filter((e) => e.action === 'create');
      expect(creates.length).toBeGreaterThanOrEqual(2);
      expect(creates.some((e) => e.after.name === '[changed]' && e.after.email === null)).toBe(true);
      const update = trail.filter((e) => e.action === 'update').at(-1)!;
      expect(update.before).toMatchObject({ email: '[changed]' });
      expect(update.after).toMatchObject({ email: '[changed]' });
      expect(update.after).not.toHaveProperty('name');
    });

    it('refuses rows of one person that disagree on the name, and rows of an anonymised person', async () => {
      await w.sql(
        `INSERT INTO animators (ref, name, email, anonymised_at) VALUES ('ANON-0000ABCD', NULL, NULL, now())`,
      );
      const before = await snapshot();
      const res = await upload(
        'animators',
        csv(
          HEADERS.animators,
          'ANI-3,Chloé Dubois,chloe@example.be,BRU-B,animator,,0.5,,2022-01-03,',
          'ANI-3,Chloe Dubois,chloe@example.be,BRU-B,animator,,0.5,,2023-01-02,',
          'ANON-0000ABCD,Someone,,BRU-B,animator,,1,,2022-01-03,',
          'ANI-4,Dirk,,BRU-B,animator,,1.5,,2022-01-03,2021-01-01',
        ),
      );
      expect(res.status).toBe(422);
      expect(res.body.errors.map((e: any) => [e.line, e.column])).toEqual([
        [3, 'name'],
        [4, 'ref'],
        [5, 'fte'],
      ]);
      expect(res.body.errors[0].message).toContain('line 2');
      expect(await snapshot()).toEqual(before);
    });
  });

  describe('spaces', () => {
    const space = (ref: string, nis: string, parent = '', hours = '', name = `Space ${ref}`) =>
      `${ref},${name},${nis},association,Rue 1,1000,2020-01-06,,${parent},fr|nl,free,yes,,50.8,4.3,,,,${hours}`;

    it('creates spaces whose parent comes later in the same file, deriving region and hours', async () => {
      const res = await upload(
        'spaces',
        csv(
          HEADERS.spaces,
          space('BRU-N1', '21004', 'BRU-N', ''),
          space('BRU-N', '21004', '', '"Mo-Fr 09:00-12:00 ""animator""; Sa 10:00-12:00"'),
        ),
        { token: w.tokens.staffBRU },
      );
      expect(res.body).toEqual({ created: 2, updated: 0, unchanged: 0, dryRun: false });
      const rows = await w.sql(
        `SELECT s.ref, s.region_code, p.ref AS parent_ref, s.languages, s.opening_hours,
                s.scheduled_weekly_hours::text AS weekly, s.scheduled_hours_with_animator::text AS animator
         FROM spaces s LEFT JOIN spaces p ON p.id = s.parent_id WHERE s.ref LIKE 'BRU-N%' ORDER BY s.ref`,
      );
      expect(rows).toEqual([
        {
          ref: 'BRU-N',
          region_code: 'BRU',
          parent_ref: null,
          languages: ['fr', 'nl'],
          opening_hours: 'Mo-Fr 09:00-12:00 "animator"; Sa 10:00-12:00',
          weekly: '17.00',
          animator: '15.00',
        },
        {
          ref: 'BRU-N1',
          region_code: 'BRU',
          parent_ref: 'BRU-N',
          languages: ['fr', 'nl'],
          opening_hours: null,
          weekly: null,
          animator: null,
        },
      ]);
      const trail = await w.sql(
        `SELECT action, after->>'parentRef' AS parent FROM audit_log WHERE entity = 'space'
         AND after->>'ref' = 'BRU-N1'`,
      );
      expect(trail).toEqual([{ action: 'create', parent: 'BRU-N' }]);
    });

    it('moves an existing antenna to a parent that is new in the file, counting it as updated', async () => {
      const res = await upload(
        'spaces',
        csv(HEADERS.spaces, space('BRU-N1', '21004', 'BRU-M'), space('BRU-M', '21004')),
        { token: w.tokens.staffBRU },
      );
      expect(res.body).toEqual({ created: 1, updated: 1, unchanged: 0, dryRun: false });
      const [moved] = await w.sql(
        `SELECT p.ref AS parent_ref, s.version FROM spaces s JOIN spaces p ON p.id = s.parent_id
         WHERE s.ref = 'BRU-N1'`,
      );
      expect(moved).toEqual({ parent_ref: 'BRU-M', version: 2 });
      const [created] = await w.sql(`SELECT version FROM spaces WHERE ref = 'BRU-M'`);
      expect(created.version).toBe(1);
      const [entry] = await w.sql(
        `SELECT action, before->>'parentRef' AS before, after->>'parentRef' AS after FROM audit_log
         WHERE entity = 'space' AND after->>'ref' = 'BRU-N1' ORDER BY id DESC LIMIT 1`,
      );
      expect(entry).toEqual({ action: 'update', before: 'BRU-N', after: 'BRU-M' });
    });

    it('reports bad opening hours, unknown municipalities and parents, and antennas of antennas', async () => {
      const before = await snapshot();
      const res = await upload(
        'spaces',
        csv(
          HEADERS.spaces,
          space('BRU-X1', '21004', '', 'Mo-Fr 25:00-26:00'),
          space('BRU-X2', '99999'),
          space('BRU-X3', '21004', 'NOWHERE'),
          space('BRU-X4', '21004', 'BRU-A1'),
          space('BRU-X5', '21004', 'BRU-X5'),
        ),
        { lang: 'nl' },
      );
      expect(res.status).toBe(422);
      expect(res.body.errors.map((e: any) => [e.line, e.column])).toEqual([
        [2, 'opening_hours'],
        [3, 'nis_code'],
        [4, 'parent_ref'],
        [5, 'parent_ref'],
        [6, 'parent_ref'],
      ]);
      expect(res.body.errors[0].message).toContain('Time range starts outside of the current day');
      expect(res.body.errors[0].message).toMatch(/^Regel 2, kolom opening_hours: deze openingsuren/);
      expect(res.body.errors[1].message).toContain('NIS-code "99999"');
      expect(await snapshot()).toEqual(before);
    });

    it('keeps an antenna in its parent’s region, as the file will leave them, even for an admin', async () => {
      const before = await snapshot();
      const res = await upload(
        'spaces',
        csv(
          HEADERS.spaces,
          space('BRU-Z1', '21004', 'WAL-C'), // a new antenna under a Walloon parent
          space('BRU-A', '62063'), // BRU-A moves to Liège, leaving BRU-A1 in Brussels
          space('BRU-Z2', '21004', 'WAL-Z'), // under a parent new in this file, in Wallonia
          space('WAL-Z', '62063'),
        ),
        { lang: 'en' },
      );
      expect(res.status).toBe(422);
      expect(res.body.errors).toEqual([
        {
          line: 2,
          column: 'parent_ref',
          message: expect.stringContaining('space "WAL-C" is in region WAL, and an antenna must be'),
        },
        {
          line: 3,
          column: 'nis_code',
          message: expect.stringContaining(
            'this space has antennas (BRU-A1) that would stay in another region',
          ),
        },
        { line: 4, column: 'parent_ref', message: expect.stringContaining('space "WAL-Z" is in region WAL') },
      ]);
      expect(await snapshot()).toEqual(before);

      // Moving the parent and its antenna together is fine.
      const together = await upload(
        'spaces',
        csv(HEADERS.spaces, space('BRU-A', '62063'), space('BRU-A1', '62063', 'BRU-A')),
        { query: '?dryRun=true' },
      );
      expect(together.body).toEqual({ created: 0, updated: 2, unchanged: 0, dryRun: true });
      // Moving the antenna alone, away from its stored parent, is not.
      const alone = await upload('spaces', csv(HEADERS.spaces, space('BRU-A1', '62063', 'BRU-A')), {
        query: '?dryRun=true',
      });
      expect(alone.body.errors).toEqual([
        { line: 2, column: 'parent_ref', message: expect.stringContaining('region BRU') },
      ]);
    });

    it('lets only staff of the region (or admins) add a space', async () => {
      const before = await snapshot();
      const coordinator = await upload('spaces', csv(HEADERS.spaces, space('BRU-Y', '21004')), {
        token: w.tokens.coordA,
      });
      expect(coordinator.body.errors).toEqual([
        { line: 2, column: 'ref', message: expect.stringContaining('only regional staff') },
      ]);
      const otherRegion = await upload('spaces', csv(HEADERS.spaces, space('WAL-Y', '62063')), {
        token: w.tokens.staffBRU,
      });
      expect(otherRegion.body.errors).toEqual([
        { line: 2, column: 'nis_code', message: expect.stringContaining('region WAL') },
      ]);
      const outOfScope = await upload('spaces', csv(HEADERS.spaces, space('BRU-A', '21004')), {
        token: w.tokens.coordB,
      });
      expect(outOfScope.body.errors).toEqual([{ line: 2, column: 'ref', message: expect.any(String) }]);
      expect(await snapshot()).toEqual(before);
      const admin = await upload('spaces', csv(HEADERS.spaces, space('WAL-Y', '62063')));
      expect(admin.body).toEqual({ created: 1, updated: 0, unchanged: 0, dryRun: false });
    });
  });

  describe('round trip', () => {
    it.each(Object.keys(HEADERS) as Kind[])(
      'an export of %s, imported again, changes nothing (both separators)',
      async (kind) => {
        for (const separator of [',', ';'] as const) {
          const exported = await download(kind, w.tokens.admin, separator);
          expect(exported.status).toBe(200);
          expect(exported.headers.get('content-type')).toBe('text/csv; charset=utf-8');
          expect(exported.headers.get('content-disposition')).toMatch(
            new RegExp(`^attachment; filename="${kind}-\\d{4}-\\d{2}-\\d{2}\\.csv"$`),
          );
          const text = exported.text.replace(/^\uFEFF/, '');
          const [header, ...rows] = text.trim().split('\r\n');
          expect(header).toBe(separator === ',' ? HEADERS[kind] : HEADERS[kind].replaceAll(',', ';'));
          expect(rows.length).toBeGreaterThan(0);
          const auditBefore = await count('audit_log');
          const res = await upload(kind, exported.text);
          expect(res.body).toEqual({ created: 0, updated: 0, unchanged: rows.length, dryRun: false });
          expect(await count('audit_log')).toBe(auditBefore);
        }
      },
      60_000,
    );

    it('exports amounts and FTEs the way they were imported', async () => {
      const funding = await download('funding', w.tokens.admin, ';');
      expect(funding.text).toContain('BRU-B;2023;municipality;1250,5;structural;;');
      const animators = await download('animators');
      expect(animators.text).toContain(
        'ANI-SEMI,Sam Semicolon,sam@example.be,BRU-B,animator,employee,0.5,true,2022-09-01,',
      );
    });
  });
  describe('values the database cannot take are row errors, not a 500', () => {
    it.each([
      ['spaces', `BRU-B,OCR Elsene,21009,municipality,,,0000-01-01,,,,,,,,,,,,`, 'opened_on'],
      ['animators', 'ANI-Y0,Yara Zero,,BRU-B,animator,,1,,0000-01-01,', 'starts_on'],
      ['equipment', 'BRU-B,Y0-1,desktop,1,0000-01-01,,,', 'acquired_on'],
      ['funding', 'BRU-B,2024,region,10,project,,0000-01-01', 'ends_on'],
    ] as const)('refuses the year 0 in a date of %s', async (kind, row, column) => {
      const before = await snapshot();
      const res = await upload(kind, csv(HEADERS[kind], row), { lang: 'nl' });
      expect(res.status).toBe(422);
      expect(res.body.errors).toEqual([
        {
          line: 2,
          column,
          message: `Regel 2, kolom ${column}: het jaar moet tussen 1900 en 2100 liggen (u schreef "0000-01-01").`,
        },
      ]);
      expect(await snapshot()).toEqual(before);
    });

    it('refuses text longer than the API takes, in key and indexed columns alike', async () => {
      const before = await snapshot();
      const long = 'R'.repeat(6000);
      const spaces = await upload(
        'spaces',
        csv(
          HEADERS.spaces,
          `${long},Long,21004,association,,,2020-01-06,,,,,,,,,,,,`,
          `BRU-LONG,Long,21004,association,,${'1'.repeat(6000)},2020-01-06,,,,,,,,,,,,`,
        ),
      );
      expect(spaces.status).toBe(422);
      expect(spaces.body.errors).toEqual([
        {
          line: 2,
          column: 'ref',
          message: 'Line 2, column ref: this text has 6000 characters; the maximum is 40.',
        },
        { line: 3, column: 'postcode', message: expect.stringContaining('the maximum is 4') },
      ]);
      const equipment = await upload('equipment', csv(HEADERS.equipment, `BRU-B,${long},desktop,1,,,,`));
      expect(equipment.body.errors).toEqual([
        { line: 2, column: 'ref', message: expect.stringContaining('the maximum is 40') },
      ]);
      const funding = await upload('funding', csv(HEADERS.funding, `BRU-B,2024,region,10,project,${long},`));
      expect(funding.body.errors).toEqual([
        { line: 2, column: 'programme', message: expect.stringContaining('the maximum is 200') },
      ]);
      const animators = await upload(
        'animators',
        csv(HEADERS.animators, `ANI-LONG,${'N'.repeat(201)},,${long},animator,,1,,2020-01-06,`),
      );
      expect(animators.body.errors.map((e: any) => e.column)).toEqual(['name', 'space_ref']);
      expect(await snapshot()).toEqual(before);
    });

    it('names the key columns of a repeated row', async () => {
      const res = await upload(
        'equipment',
        csv(HEADERS.equipment, 'BRU-B,REP-1,desktop,1,,,,', 'BRU-B,REP-1,laptop,2,,,,'),
      );
      expect(res.body.errors).toEqual([
        {
          line: 3,
          column: 'space_ref, ref',
          message:
            'Line 3, columns space_ref, ref: this row repeats line 2 (same values for space_ref and ref).',
        },
      ]);
    });
  });

  describe('columns left out of the file keep what is stored', () => {
    const storedSpace = async (ref: string) =>
      (
        await w.sql(
          `SELECT name, address, postcode, languages, pricing, open_to_all_publics, latitude, longitude,
                  email, phone, website, opening_hours, scheduled_weekly_hours::text AS weekly,
                  closed_on::text AS closed_on, version
           FROM spaces WHERE ref = $1`,
          [ref],
        )
      )[0];

    it('updates a space from the required columns only, leaving its other fields as they are', async () => {
      const before = await storedSpace('BRU-B');
      expect(before.address).toBe('Rue de test 1');
      const minimal = 'ref,name,nis_code,operator_type,opened_on';
      const same = await upload('spaces', csv(minimal, 'BRU-B,OCR Elsene,21009,municipality,2015-01-05'));
      expect(same.body).toEqual({ created: 0, updated: 0, unchanged: 1, dryRun: false });
      expect(await storedSpace('BRU-B')).toEqual(before);

      const renamed = await upload(
        'spaces',
        csv(minimal, 'BRU-B,OCR Elsene 2,21009,municipality,2015-01-05'),
      );
      expect(renamed.body).toEqual({ created: 0, updated: 1, unchanged: 0, dryRun: false });
      expect(await storedSpace('BRU-B')).toEqual({
        ...before,
        name: 'OCR Elsene 2',
        version: before.version + 1,
      });

      // An empty cell in a column that is there still clears the field.
      const cleared = await upload(
        'spaces',
        csv(`${minimal},address`, 'BRU-B,OCR Elsene 2,21009,municipality,2015-01-05,'),
      );
      expect(cleared.body).toEqual({ created: 0, updated: 1, unchanged: 0, dryRun: false });
      expect(await storedSpace('BRU-B')).toEqual({
        ...before,
        name: 'OCR Elsene 2',
        address: null,
        version: before.version + 2,
      });
      await w.sql(`UPDATE spaces SET name = 'OCR Elsene', address = 'Rue de test 1' WHERE ref = 'BRU-B'`);
    });

    it('refuses an opening date after the closing date the file leaves out', async () => {
      await w.sql(`UPDATE spaces SET closed_on = '2030-01-01' WHERE ref = 'WAL-Y'`);
      const res = await upload(
        'spaces',
        csv('ref,name,nis_code,operator_type,opened_on', 'WAL-Y,Space WAL-Y,62063,association,2031-01-06'),
      );
      expect(res.status).toBe(422);
      expect(res.body.errors).toEqual([
        {
          line: 2,
          column: 'opened_on',
          message: expect.stringContaining('already stored in column closed_on, which this file leaves out'),
        },
      ]);
      const [row] = await w.sql(`SELECT opened_on::text AS opened_on FROM spaces WHERE ref = 'WAL-Y'`);
      expect(row.opened_on).toBe('2020-01-06');
    });

    it("keeps an animator's e-mail address and qualification when the file leaves them out", async () => {
      const header = 'ref,name,space_ref,role,fte,starts_on';
      const same = await upload(
        'animators',
        csv(header, 'ANI-SEMI,Sam Semicolon,BRU-B,animator,0.5,2022-09-01'),
      );
      expect(same.body).toEqual({ created: 0, updated: 0, unchanged: 1, dryRun: false });
      const changed = await upload(
        'animators',
        csv(header, 'ANI-SEMI,Sam Semicolon,BRU-B,animator,0.6,2022-09-01'),
      );
      expect(changed.body).toEqual({ created: 0, updated: 1, unchanged: 0, dryRun: false });
      const [row] = await w.sql(
        `SELECT a.email, x.qualified, x.contract, x.fte::text AS fte FROM animator_assignments x
         JOIN animators a ON a.id = x.animator_id JOIN spaces sp ON sp.id = x.space_id
         WHERE a.ref = 'ANI-SEMI' AND sp.ref = 'BRU-B'`,
      );
      expect(row).toEqual({ email: 'sam@example.be', qualified: true, contract: 'employee', fte: '0.600' });
    });

    it('keeps equipment dates, provenance and free software, and checks a new date against the stored one', async () => {
      const header = 'space_ref,ref,type,quantity';
      const same = await upload('equipment', csv(header, 'BRU-A,TWICE-1,desktop,5'));
      expect(same.body).toEqual({ created: 0, updated: 0, unchanged: 1, dryRun: false });
      const more = await upload('equipment', csv(header, 'BRU-A,TWICE-1,desktop,7'));
      expect(more.body).toEqual({ created: 0, updated: 1, unchanged: 0, dryRun: false });
      const [row] = await w.sql(
        `SELECT quantity, acquired_on::text AS acquired_on, provenance, free_software FROM equipment
         WHERE ref = 'TWICE-1'`,
      );
      expect(row).toEqual({
        quantity: 7,
        acquired_on: '2019-03-01',
        provenance: 'regional_programme',
        free_software: true,
      });
      const crossing = await upload(
        'equipment',
        csv(`${header},retired_on`, 'BRU-A,TWICE-1,desktop,7,2018-01-01'),
      );
      expect(crossing.status).toBe(422);
      expect(crossing.body.errors).toEqual([
        { line: 2, column: 'retired_on', message: expect.stringContaining('column acquired_on') },
      ]);
    });

    it('keeps the end date of funding', async () => {
      const res = await upload(
        'funding',
        csv(
          'space_ref,year,source,amount_eur,kind,programme',
          'BRU-B,2023,eu,12345.6,project,FEDER 2021-2027',
        ),
      );
      expect(res.body).toEqual({ created: 0, updated: 0, unchanged: 1, dryRun: false });
      const [row] = await w.sql(
        `SELECT ends_on::text AS ends_on FROM funding WHERE programme = 'FEDER 2021-2027'`,
      );
      expect(row.ends_on).toBe('2027-12-31');
    });
  });

  describe('animators who also work at spaces the caller does not manage', () => {
    const person = async (ref: string) =>
      (await w.sql(`SELECT name, email, version FROM animators WHERE ref = $1`, [ref]))[0];

    it("refuses a coordinator's new name or e-mail for a person who also works elsewhere", async () => {
      // ANI-SEMI works at BRU-A (coordinator A's) and at BRU-B (not theirs).
      const before = await person('ANI-SEMI');
      const audit = await count('audit_log');
      const res = await upload(
        'animators',
        csv(
          HEADERS.animators,
          'ANI-SEMI,Hijacked,evil@x.be,BRU-A,volunteer,volunteer,0.25,nee,2023-01-01,2023-06-30',
        ),
        { token: w.tokens.coordA },
      );
      expect(res.status).toBe(422);
      expect(res.body.errors).toEqual([
        {
          line: 2,
          column: 'name',
          message: expect.stringContaining('animator "ANI-SEMI" also works at a space you do not manage'),
        },
        { line: 2, column: 'email', message: expect.stringContaining('cannot change their name or e-mail') },
      ]);
      expect(await person('ANI-SEMI')).toEqual(before);
      expect(await count('audit_log')).toBe(audit);

      // Naming the person as stored is fine: the coordinator updates their own assignment.
      const same = await upload(
        'animators',
        csv(
          HEADERS.animators,
          'ANI-SEMI,Sam Semicolon,sam@example.be,BRU-A,volunteer,volunteer,0.3,nee,2023-01-01,2023-06-30',
        ),
        { token: w.tokens.coordA },
      );
      expect(same.body).toEqual({ created: 0, updated: 1, unchanged: 0, dryRun: false });
      expect(await person('ANI-SEMI')).toEqual(before);
    });

    it('keeps a person who works at no space for admins: a file cannot take their record over', async () => {
      await w.sql(
        `INSERT INTO animators (ref, name, email) VALUES ('ANI-ORPH', 'Odile Orphan', 'odile@example.be')`,
      );
      const before = await person('ANI-ORPH');
      const audit = await count('audit_log');
      const res = await upload(
        'animators',
        csv(HEADERS.animators, 'ANI-ORPH,Taken Over,evil@example.org,BRU-A,animator,,0.5,,2024-01-01,'),
        { token: w.tokens.coordA, lang: 'en' },
      );
      expect(res.status).toBe(422);
      expect(res.body.errors).toEqual([
        { line: 2, column: 'name', message: expect.stringContaining('works at no space at the moment') },
        { line: 2, column: 'email', message: expect.stringContaining('only an administrator can change') },
      ]);
      expect(await person('ANI-ORPH')).toEqual(before);
      expect(await count('audit_log')).toBe(audit);
      // Naming the person as stored, the coordinator may still take them on at their space.
      const hired = await upload(
        'animators',
        csv(HEADERS.animators, 'ANI-ORPH,Odile Orphan,odile@example.be,BRU-A,animator,,0.5,,2024-01-01,'),
        { token: w.tokens.coordA, query: '?dryRun=true' },
      );
      expect(hired.body).toEqual({ created: 1, updated: 0, unchanged: 0, dryRun: true });
    });

    it('holds regional staff to their region, and lets admins rename anyone', async () => {
      await upload(
        'animators',
        csv(
          HEADERS.animators,
          'W9,Walter Nine,w9@example.be,WAL-C,animator,,0.5,,2022-01-03,',
          'W9,Walter Nine,w9@example.be,BRU-B,animator,,0.5,,2022-01-03,',
        ),
      );
      const staff = await upload(
        'animators',
        csv(HEADERS.animators, 'W9,Hijacked,w9@example.be,BRU-B,animator,,0.5,,2022-01-03,'),
        { token: w.tokens.staffBRU },
      );
      expect(staff.status).toBe(422);
      expect(staff.body.errors.map((e: any) => [e.line, e.column])).toEqual([[2, 'name']]);
      expect((await person('W9')).name).toBe('Walter Nine');

      const admin = await upload(
        'animators',
        csv(HEADERS.animators, 'W9,Walter Negen,w9@example.be,BRU-B,animator,,0.5,,2022-01-03,'),
      );
      expect(admin.body).toEqual({ created: 0, updated: 1, unchanged: 0, dryRun: false });
      expect((await person('W9')).name).toBe('Walter Negen');
    });
  });

  describe('coordinators keep their spaces where they are', () => {
    const minimal = 'ref,name,nis_code,operator_type,opened_on';

    it('refuses a coordinator moving their space to another region, as for regional staff', async () => {
      const res = await upload(
        'spaces',
        csv(minimal, 'BRU-A,EPN Bruxelles-Centre,62063,municipality,2015-01-05'),
        {
          token: w.tokens.coordA,
        },
      );
      expect(res.status).toBe(422);
      expect(res.body.errors).toEqual([
        { line: 2, column: 'nis_code', message: expect.stringContaining('region WAL') },
      ]);
      const [row] = await w.sql(`SELECT nis_code, region_code FROM spaces WHERE ref = 'BRU-A'`);
      expect(row).toEqual({ nis_code: '21004', region_code: 'BRU' });
      // Another municipality of the same region is the region's to set too, as in the API.
      const within = await upload(
        'spaces',
        csv(minimal, 'BRU-A,EPN Bruxelles-Centre,21009,municipality,2015-01-05'),
        { token: w.tokens.coordA, query: '?dryRun=true' },
      );
      expect(within.body.errors).toEqual([
        { line: 2, column: 'nis_code', message: expect.stringContaining('it is now "21004"') },
      ]);
    });

    it('lets a coordinator change only what the API lets them change: staff-only columns stay as stored', async () => {
      const header = `${minimal},closed_on,charter_signed_on,parent_ref,address`;
      const before = await w.sql(`SELECT * FROM spaces WHERE ref IN ('BRU-A', 'BRU-A1') ORDER BY ref`);
      const res = await upload(
        'spaces',
        csv(
          header,
          'BRU-A,EPN Bruxelles-Centre,21004,association,2010-01-01,2025-01-01,2020-01-01,,Rue Neuve 1',
          'BRU-A1,Antenne Marolles,21004,municipality,2015-01-05,,,BRU-B,Rue Haute 2',
        ),
        { token: w.tokens.coordA, lang: 'en' },
      );
      expect(res.status).toBe(422);
      expect(res.body.errors.map((e: any) => [e.line, e.column])).toEqual([
        [2, 'operator_type'],
        [2, 'opened_on'],
        [2, 'closed_on'],
        [2, 'charter_signed_on'],
        [3, 'parent_ref'],
        [3, 'parent_ref'],
      ]);
      expect(res.body.errors[0].message).toContain(
        'only regional staff can change this (it is now "municipality")',
      );
      expect(res.body.errors[2].message).toContain('it is empty now');
      expect(await w.sql(`SELECT * FROM spaces WHERE ref IN ('BRU-A', 'BRU-A1') ORDER BY ref`)).toEqual(
        before,
      );

      // The same file with the stored values (as in their own export) changes what is theirs.
      const own = await upload(
        'spaces',
        csv(
          header,
          'BRU-A,EPN Bruxelles-Centre,21004,municipality,2015-01-05,,,,Rue Neuve 1',
          'BRU-A1,Antenne Marolles,21004,municipality,2015-01-05,,,BRU-A,Rue Haute 2',
        ),
        { token: w.tokens.coordA, query: '?dryRun=true' },
      );
      expect(own.body).toEqual({ created: 0, updated: 2, unchanged: 0, dryRun: true });
      // A space out of scope gets its own error only, never a stored value.
      const other = await upload(
        'spaces',
        csv(header, 'BRU-B,OCR Elsene,21009,association,2010-01-01,,,,Rue 3'),
        { token: w.tokens.coordA },
      );
      expect(other.body.errors).toEqual([
        { line: 2, column: 'ref', message: expect.not.stringContaining('municipality') },
      ]);
    });

    it('refuses a coordinator making their antenna a main space, which would leave their scope', async () => {
      const res = await upload(
        'spaces',
        csv(`${minimal},parent_ref`, 'BRU-A1,Antenne Marolles,21004,municipality,2015-01-05,'),
        { token: w.tokens.coordA, lang: 'fr' },
      );
      expect(res.status).toBe(422);
      expect(res.body.errors).toEqual([
        {
          line: 2,
          column: 'parent_ref',
          message: expect.stringContaining('cet espace est une antenne de "BRU-A"'),
        },
      ]);
      const [row] = await w.sql(
        `SELECT p.ref AS parent FROM spaces s JOIN spaces p ON p.id = s.parent_id WHERE s.ref = 'BRU-A1'`,
      );
      expect(row.parent).toBe('BRU-A');
      const kept = await upload(
        'spaces',
        csv(`${minimal},parent_ref`, 'BRU-A1,Antenne Marolles,21004,municipality,2015-01-05,BRU-A'),
        { token: w.tokens.coordA },
      );
      expect(kept.body).toEqual({ created: 0, updated: 0, unchanged: 1, dryRun: false });
      const staff = await upload(
        'spaces',
        csv(`${minimal},parent_ref`, 'BRU-A1,Antenne Marolles,21004,municipality,2015-01-05,'),
        { token: w.tokens.staffBRU, query: '?dryRun=true' },
      );
      expect(staff.body).toEqual({ created: 0, updated: 1, unchanged: 0, dryRun: true });
    });
  });
});
