import { activityMessage } from './activity.messages.js';
import { MAX_ANIMATOR_HOURS, MAX_COUNT, checkWeek, type WeekFigures } from './weekly-activity.rule.js';

const week = (overrides: Partial<WeekFigures> = {}): WeekFigures => ({
  openingHours: 20,
  hoursWithAnimator: 18,
  animatorHours: 30,
  visits: 100,
  visitsIctLearning: 40,
  visitsJobSearch: 30,
  visitsLeisureCulture: 10,
  visitsHousingElearning: 10,
  visitsAdministrative: 10,
  visitorsWomen: 50,
  visitorsJobSeekers: 20,
  visitorsSeniors: 10,
  visitorsYouth: 30,
  mobileActions: 2,
  ...overrides,
});
const context = { week: '2026-W10', today: '2026-11-22', space: { openedOn: '2015-01-01', closedOn: null } };
const fields = (values: WeekFigures, ctx = context) => checkWeek(values, ctx).map((i) => [i.field, i.key]);

describe('checkWeek', () => {
  it('accepts a complete, consistent week and one with only the required figures', () => {
    expect(checkWeek(week(), context)).toEqual([]);
    const minimal = week({
      hoursWithAnimator: null,
      animatorHours: null,
      visitsIctLearning: null,
      visitsJobSearch: null,
      visitsLeisureCulture: null,
      visitsHousingElearning: null,
      visitsAdministrative: null,
      visitorsWomen: null,
      visitorsJobSeekers: null,
      visitorsSeniors: null,
      visitorsYouth: null,
      mobileActions: null,
    });
    expect(checkWeek(minimal, context)).toEqual([]);
  });

  it('keeps hours between 0 and 168', () => {
    expect(fields(week({ openingHours: 168, hoursWithAnimator: 168 }))).toEqual([]);
    expect(fields(week({ openingHours: 168.5, hoursWithAnimator: 0 }))).toEqual([
      ['openingHours', 'week.hours_range'],
    ]);
    expect(fields(week({ openingHours: -1, hoursWithAnimator: null }))).toEqual([
      ['openingHours', 'week.hours_range'],
    ]);
    expect(fields(week({ hoursWithAnimator: -0.5 }))).toEqual([['hoursWithAnimator', 'week.hours_range']]);
  });

  it('keeps hours to 2 decimals, which is what their columns store', () => {
    expect(fields(week({ openingHours: 10.01, hoursWithAnimator: 7.25, animatorHours: 30.5 }))).toEqual([]);
    expect(fields(week({ openingHours: 10.0051, hoursWithAnimator: 7.125, animatorHours: 0.001 }))).toEqual([
      ['openingHours', 'week.hours_decimals'],
      ['hoursWithAnimator', 'week.hours_decimals'],
      ['animatorHours', 'week.hours_decimals'],
    ]);
    const [issue] = checkWeek(week({ openingHours: 10.0051 }), context);
    expect(activityMessage(issue.key, issue.params, 'en')).toBe(
      'Write the hours with at most 2 decimals, for example 7.5 or 7.25 (you wrote 10.0051).',
    );
    expect(activityMessage(issue.key, issue.params, 'nl')).toMatch(
      /hoogstens 2 decimalen.*u schreef 10,0051/,
    );
    expect(activityMessage(issue.key, issue.params, 'fr')).toMatch(/au plus 2 décimales.*écrit 10,0051/);
  });

  it('keeps hours with an animator within the opening hours', () => {
    expect(fields(week({ openingHours: 20, hoursWithAnimator: 20 }))).toEqual([]);
    expect(fields(week({ openingHours: 20, hoursWithAnimator: 20.25 }))).toEqual([
      ['hoursWithAnimator', 'week.animator_over_opening'],
    ]);
  });

  it('lets animator hours exceed opening hours (several animators) but not go below 0', () => {
    expect(fields(week({ animatorHours: 60 }))).toEqual([]);
    expect(fields(week({ animatorHours: -1 }))).toEqual([['animatorHours', 'week.not_negative']]);
  });

  it('keeps animator hours within what their column holds', () => {
    expect(fields(week({ animatorHours: MAX_ANIMATOR_HOURS }))).toEqual([]);
    expect(fields(week({ animatorHours: 1_000_000 }))).toEqual([['animatorHours', 'week.too_large']]);
  });

  it('wants whole counts of 0 or more', () => {
    expect(fields(week({ visits: 12.5 }))).toEqual([['visits', 'week.whole_number']]);
    expect(fields(week({ mobileActions: -1 }))).toEqual([['mobileActions', 'week.whole_number']]);
    expect(fields(week({ visitorsYouth: 1.5 }))).toEqual([['visitorsYouth', 'week.whole_number']]);
  });

  it('keeps every count within what an integer column holds (2^31 - 1)', () => {
    const big = MAX_COUNT + 1;
    expect(fields(week({ visits: MAX_COUNT, visitorsWomen: MAX_COUNT }))).toEqual([]);
    expect(fields(week({ visits: big }))).toEqual([['visits', 'week.too_large']]);
    expect(fields(week({ mobileActions: big, visitsJobSearch: big }))).toEqual([
      ['visitsJobSearch', 'week.too_large'],
      ['mobileActions', 'week.too_large'],
    ]);
    const [issue] = checkWeek(week({ visits: big }), context);
    expect(activityMessage(issue.key, issue.params, 'en')).toBe(
      'Enter at most 2147483647 (you wrote 2147483648).',
    );
    expect(activityMessage(issue.key, issue.params, 'nl')).toMatch(/^Vul hoogstens 2147483647 in/);
    expect(activityMessage(issue.key, issue.params, 'fr')).toMatch(/^Indiquez au plus 2147483647/);
  });

  it('keeps the five purposes together within the visits', () => {
    expect(fields(week({ visits: 100, visitsAdministrative: 10 }))).toEqual([]);
    expect(fields(week({ visits: 100, visitsAdministrative: 11 }))).toEqual([
      ['visitsIctLearning', 'week.purposes_over_visits'],
    ]);
  });

  it('names the first purpose that adds to a sum above the visits, never an empty one', () => {
    const none = {
      visitsIctLearning: null,
      visitsJobSearch: null,
      visitsLeisureCulture: null,
      visitsHousingElearning: null,
      visitsAdministrative: null,
      visitorsWomen: null,
      visitorsJobSeekers: null,
      visitorsSeniors: null,
      visitorsYouth: null,
    };
    expect(fields(week({ ...none, visits: 10, visitsJobSearch: 11 }))).toEqual([
      ['visitsJobSearch', 'week.purposes_over_visits'],
    ]);
    // A 0 adds nothing to the sum either: the field named is the one holding visits.
    expect(
      fields(
        week({ ...none, visits: 10, visitsIctLearning: 0, visitsLeisureCulture: 6, visitsAdministrative: 5 }),
      ),
    ).toEqual([['visitsLeisureCulture', 'week.purposes_over_visits']]);
  });

  it('keeps each profile count within the visits', () => {
    expect(fields(week({ visitorsWomen: 100 }))).toEqual([]);
    expect(fields(week({ visitorsWomen: 101, visitorsSeniors: 101 }))).toEqual([
      ['visitorsWomen', 'week.profile_over_visits'],
      ['visitorsSeniors', 'week.profile_over_visits'],
    ]);
  });

  it('refuses a week that has not started, and accepts the current one', () => {
    expect(fields(week(), { ...context, week: '2026-W48' })).toEqual([['week', 'week.future']]);
    expect(fields(week(), { ...context, week: '2026-W47' })).toEqual([]); // 2026-11-22 is its Sunday
    expect(fields(week(), { ...context, today: '2026-11-16', week: '2026-W47' })).toEqual([]); // its Monday
    expect(fields(week(), { ...context, today: '2026-11-15', week: '2026-W47' })).toEqual([
      ['week', 'week.future'],
    ]);
  });

  it('refuses a week in which the space was not open', () => {
    const space = { openedOn: '2026-03-09', closedOn: null };
    expect(fields(week(), { ...context, week: '2026-W10', space })).toEqual([
      ['week', 'week.space_inactive'],
    ]);
    expect(fields(week(), { ...context, week: '2026-W11', space })).toEqual([]);
  });

  it('says what is wrong in each language', () => {
    const [issue] = checkWeek(week({ openingHours: 20, hoursWithAnimator: 25 }), context);
    expect(activityMessage(issue.key, issue.params, 'en')).toBe(
      'The hours with an animator (25) cannot be more than the opening hours (20).',
    );
    expect(activityMessage(issue.key, issue.params, 'nl')).toBe(
      'De uren met een animator (25) kunnen niet meer zijn dan de openingsuren (20).',
    );
    expect(activityMessage(issue.key, issue.params, 'fr')).toBe(
      "Les heures avec un animateur (25) ne peuvent pas dépasser les heures d'ouverture (20).",
    );
    const [decimal] = checkWeek(week({ openingHours: 170.5, hoursWithAnimator: null }), context);
    expect(activityMessage(decimal.key, decimal.params, 'fr')).toContain('170,5');
  });
});
