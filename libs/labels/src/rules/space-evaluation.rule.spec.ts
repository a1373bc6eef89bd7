import { readSchemeFiles, SCHEMES_FOLDER } from '../schemes/label-schemes.service.js';
import {
  criteriaWithEvidence,
  evaluateSpace,
  storedCriteriaOf,
  storedEvidenceOf,
  type MeasuredSpace,
} from './space-evaluation.rule.js';

const schemes = Object.fromEntries(readSchemeFiles(SCHEMES_FOLDER()).map((s) => [s.scheme, s]));

const measured = (overrides: Partial<MeasuredSpace['metrics']> = {}, weeksWithData = 52): MeasuredSpace => ({
  weeksWithData,
  openWeeks: 52,
  metrics: {
    avg_weekly_opening_hours: 20,
    avg_weekly_hours_with_animator: 14,
    avg_weekly_training_hours: 7,
    avg_weekly_accompanied_free_access_hours: 7,
    training_sessions: 40,
    computers_in_service: 6,
    devices_in_service: 8,
    qualified_animators: 1,
    pricing_accessible: true,
    open_to_all_publics: true,
    charter_signed: true,
    reporting_completeness_pct: 100,
    ...overrides,
  },
  evidence: {
    weeks: ['2026-W01'],
    sessions: ['T1'],
    equipment: [{ ref: 'E1', type: 'tablet', quantity: 2 }],
    animators: ['A1'],
  },
});

describe('the scheme files', () => {
  it('hold both schemes with the criteria of labels.md', () => {
    expect(schemes['wallonia-epn'].criteria.map((c) => c.id)).toEqual([
      'W1',
      'W2',
      'W3',
      'W4',
      'W5',
      'W6',
      'W7',
      'W8',
    ]);
    expect(schemes['brussels-ocr'].criteria.map((c) => c.id)).toEqual(['B1', 'B2', 'B3', 'B4', 'B5', 'B6']);
    expect(schemes['brussels-ocr'].criteria.find((c) => c.id === 'B6')?.mandatory).toBe(false);
  });
});

describe('evaluateSpace', () => {
  it('finds a space meeting everything eligible for both schemes', () => {
    expect(evaluateSpace(schemes['wallonia-epn'], measured()).eligible).toBe(true);
    expect(evaluateSpace(schemes['brussels-ocr'], measured()).eligible).toBe(true);
  });

  it('is not eligible when one mandatory criterion fails, but is when only an optional one does', () => {
    const low = evaluateSpace(schemes['wallonia-epn'], measured({ avg_weekly_opening_hours: 15.99 }));
    expect(low.eligible).toBe(false);
    expect(low.criteria.find((c) => c.criterion === 'W1')).toMatchObject({
      outcome: 'fail',
      measured: 15.99,
      threshold: 16,
    });
    const noAnimator = evaluateSpace(
      schemes['brussels-ocr'],
      measured({ avg_weekly_hours_with_animator: 0 }),
    );
    expect(noAnimator.criteria.find((c) => c.criterion === 'B6')?.outcome).toBe('fail');
    expect(noAnimator.eligible).toBe(true);
  });

  it('keeps the evidence each criterion rests on (computers leave tablets out)', () => {
    const result = evaluateSpace(schemes['wallonia-epn'], measured());
    expect(result.criteria.find((c) => c.criterion === 'W4')?.evidence).toEqual({ equipment: [] });
    expect(result.criteria.find((c) => c.criterion === 'W5')?.evidence).toEqual({ animators: ['A1'] });
  });

  it('is not eligible with 3 weeks of data', () => {
    const result = evaluateSpace(schemes['brussels-ocr'], measured({}, 3));
    expect(result.eligible).toBe(false);
    expect(result.criteria.find((c) => c.criterion === 'B1')?.outcome).toBe('insufficient_data');
    expect(result.criteria.find((c) => c.criterion === 'B2')?.outcome).toBe('pass');
  });
});

describe('criteria as stored and as read', () => {
  it('stores no evidence per criterion, and reads back exactly the criteria evaluateSpace gave', () => {
    for (const scheme of Object.values(schemes)) {
      const space = { ...measured({ reporting_completeness_pct: 75 }), openWeeks: 40 };
      const { criteria } = evaluateSpace(scheme, space);
      const stored = JSON.parse(JSON.stringify(storedCriteriaOf(criteria)));
      expect(stored.every((c: object) => !('evidence' in c))).toBe(true);
      expect(criteriaWithEvidence(stored, storedEvidenceOf(space))).toEqual(criteria);
    }
  });

  it('derives each criterion its own slice: tablets are not computers, completeness keeps its open weeks', () => {
    const space = { ...measured(), openWeeks: 40 };
    const read = criteriaWithEvidence(
      storedCriteriaOf(evaluateSpace(schemes['wallonia-epn'], space).criteria),
      storedEvidenceOf(space),
    );
    const of = (metric: string) => read.find((c) => c.metric === metric)?.evidence;
    expect(of('computers_in_service')).toEqual({ equipment: [] });
    expect(of('avg_weekly_opening_hours')).toEqual({ weeks: ['2026-W01'] });
    expect(of('reporting_completeness_pct')).toEqual({ weeks: ['2026-W01'], openWeeks: 40 });
  });

  it('keeps the evidence of criteria stored with their own (results stored before)', () => {
    const [first] = evaluateSpace(schemes['wallonia-epn'], measured()).criteria;
    const old = { ...first, evidence: { weeks: ['2019-W01'] } };
    expect(criteriaWithEvidence([old], storedEvidenceOf(measured()))[0].evidence).toEqual({
      weeks: ['2019-W01'],
    });
  });
});
