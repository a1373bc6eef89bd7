import { labelExpiryMail } from './label-expiry-mail.js';
import type { PendingExpiryMail } from './label-expiry.repository.js';

const pending = (language: string, scheme = 'brussels-ocr'): PendingExpiryMail => ({
  id: 'r1',
  email: 'someone@example.be',
  language,
  spaceRef: 'BRU-A',
  spaceName: 'EPN Centre',
  scheme,
  validUntil: '2026-07-10',
});

describe('labelExpiryMail', () => {
  it('writes the date and the label in words, in the reader language', () => {
    const fr = labelExpiryMail(pending('fr'));
    expect(fr.subject).toBe('Le label de EPN Centre se termine le 10 juillet 2026');
    expect(fr.text).toContain('Le label EPN bruxellois de EPN Centre (BRU-A)');
    expect(fr.text).not.toContain('brussels-ocr');
    expect(labelExpiryMail(pending('nl')).text).toContain('tot en met 10 juli 2026');
    const en = labelExpiryMail(pending('en', 'unknown-scheme'));
    expect(en.text).toContain('The label of EPN Centre (BRU-A) ends on 10 July 2026.');
    expect(en.text).not.toContain('included');
  });

  it('says regional staff start the evaluation, rather than asking the coordinator for one', () => {
    for (const lang of ['nl', 'fr', 'en']) {
      const text = labelExpiryMail(pending(lang)).text;
      expect(text).not.toMatch(/Vraag tijdig|Demandez à temps|Ask for a new evaluation/);
    }
    expect(labelExpiryMail(pending('en')).text).toContain('Regional staff start it.');
  });
});
