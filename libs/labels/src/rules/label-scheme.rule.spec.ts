import { schemeRegionProblem } from './label-scheme.rule.js';

describe('schemeRegionProblem', () => {
  const brussels = { scheme: 'brussels-ocr', region: 'BRU' };

  it('accepts a space of the scheme region', () => {
    expect(schemeRegionProblem(brussels, 'BRU', 'scheme')).toBeNull();
  });

  it('refuses a space of another region, on the field the caller names', () => {
    expect(schemeRegionProblem(brussels, 'WAL', 'scheme')).toEqual(
      expect.objectContaining({ field: 'scheme', code: 'LABELS.SCHEME_OTHER_REGION' }),
    );
    expect(schemeRegionProblem({ scheme: 'wallonia-epn', region: 'WAL' }, 'BRU', 'evaluationId')?.field).toBe(
      'evaluationId',
    );
  });
});
