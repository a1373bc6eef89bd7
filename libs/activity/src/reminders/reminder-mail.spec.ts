import { missingWeekMail, weekInWords } from './reminder-mail.js';
import type { PendingMail } from './reminders.repository.js';

const pending = (language: string, hoursKnown = true): PendingMail => ({
  id: 'r1',
  email: 'coord@example.be',
  language,
  spaceRef: 'BRU-A',
  spaceName: 'EPN Centre',
  week: '2026-W47',
  hoursKnown,
});

describe('weekInWords', () => {
  it('names the week by its number and its dates, in each language', () => {
    expect(weekInWords('2026-W47', 'nl')).toBe('Week 47 (16–22 november 2026)');
    expect(weekInWords('2026-W47', 'fr')).toBe('Semaine 47 (du 16 au 22 novembre 2026)');
    expect(weekInWords('2026-W47', 'en')).toBe('Week 47 (16–22 November 2026)');
    expect(weekInWords('2026-W47', 'fr', false)).toBe('semaine 47 (du 16 au 22 novembre 2026)');
  });

  it('names both months, or both years, when the week spans them', () => {
    expect(weekInWords('2026-W05', 'nl')).toBe('Week 5 (26 januari – 1 februari 2026)');
    expect(weekInWords('2026-W05', 'fr')).toBe('Semaine 5 (du 26 janvier au 1er février 2026)');
    expect(weekInWords('2026-W01', 'en')).toBe('Week 1 (29 December 2025 – 4 January 2026)');
  });
});

describe('missingWeekMail', () => {
  it('names the real button and the week in words, without a link when the address is unknown', () => {
    const nl = missingWeekMail(pending('nl'));
    expect(nl.subject).toBe('Herinnering: geef week 47 (16–22 november 2026) door voor EPN Centre');
    expect(nl.text).toContain('"Een week doorgeven"');
    expect(nl.text).not.toContain('2026-W47');
    expect(missingWeekMail(pending('fr')).text).toContain('« Encoder une semaine »');
    expect(missingWeekMail(pending('en')).text).toContain('"Report a week"');
  });

  it('links straight to the week form when the site address is known', () => {
    const mail = missingWeekMail(pending('en'), 'https://ocr.example.be');
    expect(mail.text).toContain('https://ocr.example.be/spaces/BRU-A/week?week=2026-W47');
    expect(mail.to).toBe('coord@example.be');
  });

  it('says the hours are filled in only when the space has opening hours', () => {
    expect(missingWeekMail(pending('en', true)).text).toContain('already filled in');
    expect(missingWeekMail(pending('en', false)).text).not.toContain('already filled in');
    expect(missingWeekMail(pending('en', false)).text).toContain('Fill in the hours and the visits.');
    expect(missingWeekMail(pending('nl', false)).text).not.toContain('al ingevuld');
    expect(missingWeekMail(pending('fr', false)).text).not.toContain('déjà remplies');
  });
});
