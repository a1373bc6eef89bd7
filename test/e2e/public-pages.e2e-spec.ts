import { seedRegistryWorld, type RegistryWorld } from '../support/registry-world.js';
import { api, startTestApi, type TestApi } from '../support/test-app.js';

/** The public pages (/find, /find/{ref}) over real HTTP and PostgreSQL, as a visitor without JavaScript. */
describe('public pages (no sign-in)', () => {
  let t: TestApi;
  let w: RegistryWorld;
  // Sunday 11 January 2026, 10:00 in Brussels: every seeded space is closed.
  const SUNDAY_10H = '2026-01-11T09:00:00Z';
  // Wednesday 23 December 2026, 10:00 in Brussels.
  const BEFORE_CHRISTMAS = '2026-12-23T09:00:00Z';
  // Monday 12 January 2026, 10:00 in Brussels: the seeded spaces are open.
  const MONDAY_10H = '2026-01-12T09:00:00Z';

  const page = async (path: string) => {
    const res = await api(t.baseUrl, 'GET', path);
    return { status: res.status, html: String(res.body) };
  };
  /** The page's own part, with the entities Handlebars writes in attributes read back. */
  const main = (html: string) =>
    html
      .replace(/[\s\S]*<main[^>]*>/, '')
      .replace(/<\/main>[\s\S]*/, '')
      .replaceAll('&#x3D;', '=')
      .replaceAll('&amp;', '&');

  beforeAll(async () => {
    t = await startTestApi();
    w = await seedRegistryWorld(t);
    await w.sql(
      `UPDATE spaces SET opening_hours = 'Mo-Fr 09:00-17:00; PH off; 2025 Dec 24-2025 Dec 26 off; 2026 Dec 24-2026 Dec 26 off'
       WHERE ref = 'BRU-B'`,
    );
    const closed = await api(t.baseUrl, 'POST', '/api/v1/spaces', {
      token: w.tokens.admin,
      body: {
        ref: 'PUB-GONE',
        name: 'Digipunt Gesloten',
        operatorType: 'library',
        openedOn: '2015-01-01',
        closedOn: '2021-06-30',
        nisCode: '21004',
        postcode: '1000',
        email: 'gone@private.example',
      },
    });
    if (closed.status !== 201) throw new Error(`seeding PUB-GONE: ${closed.status}`);
  });
  afterAll(() => t?.close());

  it('ignores a moment that does not exist instead of failing', async () => {
    for (const at of ['2026-13-45T99:99Z', '2026-02-30T10:00Z', '2026-02-30T10:00:00%2B01:00']) {
      const space = await page(`/find/BRU-A?lang=en&at=${at}`);
      expect(space.status).toBe(200);
      expect(main(space.html)).toContain('<h1>EPN Bruxelles-Centre</h1>');
      const found = await page(`/find?q=1000&lang=en&at=${at}`);
      expect(found.status).toBe(200);
      // The links to the spaces do not carry the impossible moment on.
      expect(main(found.html)).not.toContain('2026-02-30');
      expect(main(found.html)).not.toContain('2026-13-45');
    }
  });

  it('says when spaces exist but none is open now, and links to all of them', async () => {
    const { status, html } = await page(`/find?q=1000&openNow=true&lang=en&at=${SUNDAY_10H}`);
    expect(status).toBe(200);
    const body = main(html);
    expect(body).toContain('No space in &quot;1000&quot; is open now.');
    expect(body).not.toContain('Check the spelling');
    expect(body).toContain(`href="/find?q=1000&at=${encodeURIComponent(SUNDAY_10H)}"`);
    // No empty list for a screen reader to announce.
    expect(body).not.toContain('class="cards"');

    const byName = main((await page(`/find?q=Elsene&openNow=true&lang=en&at=${SUNDAY_10H}`)).html);
    expect(byName).toContain('No space in &quot;Elsene&quot; is open now.');
    expect(byName).toContain('href="/find?q=Elsene&at=');

    // Where there is no space at all, the advice stays: check the spelling, try another postcode.
    const nowhere = main((await page(`/find?q=1070&openNow=true&lang=en&at=${SUNDAY_10H}`)).html);
    expect(nowhere).toContain('Check the spelling');
    expect(nowhere).not.toContain('open or closed');
  });

  it('shows closures still to come, and says when public holidays are closed', async () => {
    const body = main((await page(`/find/BRU-B?lang=en&at=${BEFORE_CHRISTMAS}`)).html);
    expect(body).toContain('Closed: 24 December 2026 – 26 December 2026');
    expect(body).not.toContain('2025');
    expect(body).toContain('Closed on public holidays.');
    // Other spaces have no such rule.
    expect(main((await page('/find/BRU-A?lang=en')).html)).not.toContain('public holidays');
    const nl = main((await page(`/find/BRU-B?lang=nl&at=${BEFORE_CHRISTMAS}`)).html);
    expect(nl).toContain('Gesloten op feestdagen.');
  });

  it('finds a place typed as people type it: without accents or hyphens, or with the postcode in an address', async () => {
    const cards = async (q: string) => {
      const body = main((await page(`/find?lang=en&q=${encodeURIComponent(q)}`)).html);
      return [...body.matchAll(/<h3><a href="\/find\/([^"?]+)/g)].map((match) => match[1]).sort();
    };
    expect(await cards('Liège')).toEqual(['WAL-C']);
    for (const q of ['liege', 'LIEGE', ' Liége ']) expect(await cards(q)).toEqual(['WAL-C']);
    expect(await cards('Elsene')).toEqual(['BRU-B']);
    expect(await cards('ixelles')).toEqual(['BRU-B']);
    expect(await cards('1000 Brussel')).toEqual(['BRU-A', 'BRU-A1', 'BRU-B']);
    expect(await cards('B-4000')).toEqual(['WAL-C']);
    // Two numbers are not a postcode: the advice to write one stays.
    expect(main((await page('/find?lang=en&q=1000%204000')).html)).toContain('We do not know');
  });

  it('takes the search along to a space, so that "Back to the search" finds the same results', async () => {
    const results = main((await page(`/find?lang=en&q=1000+Brussel&openNow=true&at=${MONDAY_10H}`)).html);
    const href = `/find/BRU-A?q=1000+Brussel&openNow=true&at=${encodeURIComponent(MONDAY_10H)}`;
    expect(results).toContain(`<a href="${href}">EPN Bruxelles-Centre</a>`);
    const space = main((await page(`${href}&lang=en`)).html);
    const back = `/find?q=1000+Brussel&openNow=true&at=${encodeURIComponent(MONDAY_10H)}`;
    expect(space).toContain(`<a href="${back}">Back to the search</a>`);
    expect(main((await page(back)).html)).toContain('EPN Bruxelles-Centre');
    // Without a search, back is the empty form.
    expect(main((await page('/find/BRU-A?lang=en')).html)).toContain(
      '<a href="/find">Back to the search</a>',
    );
  });

  it('tells a visitor who kept the address of a closed space that it closed, and where to look instead', async () => {
    const { status, html } = await page('/find/PUB-GONE?lang=en');
    expect(status).toBe(410);
    expect(html).toContain('<html lang="en">');
    const body = main(html);
    expect(body.match(/<h1>/g)).toHaveLength(1);
    expect(body).toContain('<h1>Digipunt Gesloten</h1>');
    expect(body).toContain('This space is closed for good.');
    expect(body).toContain('<a href="/find?q=1000">Find another space in 1000</a>');
    expect(html).not.toContain('gone@private.example');
    expect(main((await page('/find/PUB-GONE?lang=fr')).html)).toContain(
      'Cet espace est fermé définitivement.',
    );
    // The API still knows only active spaces; an unknown space is still "not found".
    expect((await api(t.baseUrl, 'GET', '/api/v1/public/spaces/PUB-GONE')).status).toBe(404);
    expect((await page('/find/NOPE?lang=en')).status).toBe(404);
  });

  it('says at the field what to type when the search is sent empty, and not on the first visit', async () => {
    for (const q of ['', '%20%20']) {
      const { status, html } = await page(`/find?lang=en&q=${q}`);
      expect(status).toBe(400);
      expect(html).toContain('<title>Error: Find a public computer space');
      const body = main(html);
      expect(body).toContain(
        '<li><a href="#field-q">Type a postcode or the name of a municipality.</a></li>',
      );
      expect(body).toContain('aria-invalid="true"');
      expect(body).toContain('aria-describedby="field-q-hint field-q-error"');
    }
    const first = await page('/find?lang=en');
    expect(first.status).toBe(200);
    expect(first.html).not.toContain('error-summary');
    expect(first.html).not.toContain('aria-invalid');
  });

  it('counts every space a search finds, and says when not all of them are shown', async () => {
    // 51 spaces in Ukkel/Uccle: one more than a page shows for a place.
    for (let start = 0; start < 51; start += 10) {
      await Promise.all(
        Array.from({ length: Math.min(10, 51 - start) }, async (_, i) => {
          const n = String(start + i).padStart(2, '0');
          const res = await api(t.baseUrl, 'POST', '/api/v1/spaces', {
            token: w.tokens.admin,
            body: {
              ref: `PUB-UCC-${n}`,
              name: `EPN Uccle ${n}`,
              operatorType: 'library',
              openedOn: '2015-01-01',
              nisCode: '21016',
              postcode: '1180',
            },
          });
          if (res.status !== 201) throw new Error(`seeding PUB-UCC-${n}: ${res.status}`);
        }),
      );
    }
    const byName = main((await page('/find?q=Ukkel&lang=en')).html);
    expect(byName).toContain('51 spaces found');
    expect(byName).toContain('The first 50 are shown here, by name. Type a postcode to see fewer.');
    expect(byName.match(/class="card"/g)).toHaveLength(50);
    expect(byName).toContain('EPN Uccle 49');
    expect(byName).not.toContain('EPN Uccle 50');
    // By postcode there is nothing narrower to suggest.
    const byPostcode = main((await page('/find?q=1180&lang=fr')).html);
    expect(byPostcode).toContain('51 espaces trouvés');
    expect(byPostcode).toContain('Les 50 premiers sont affichés ici, par nom.');
    expect(byPostcode).not.toContain('code postal pour en voir moins');
    // Where all are shown, nothing is said about it.
    const all = main((await page('/find?q=1000&lang=en')).html);
    expect(all).not.toContain('are shown here');
  });
});
