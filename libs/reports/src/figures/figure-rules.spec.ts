import { changeFrom, count, fteGapToNorm, ratio, recorded, roundHalfUp } from './figure-rules.js';

describe('roundHalfUp', () => {
  it.each([
    ['2.25', 1, 2.3],
    ['2.35', 1, 2.4],
    ['31.25', 1, 31.3],
    ['9.375', 1, 9.4],
    ['1.2500000000000000', 1, 1.3],
    ['1.24999', 1, 1.2],
    ['0.0131', 2, 0.01],
    ['0.005', 2, 0.01],
    ['0.0049', 2, 0],
    ['15.6666666666666667', 1, 15.7],
    ['-2.25', 1, -2.3],
    ['163', 0, 163],
    ['0.5', 0, 1],
    ['99.95', 1, 100],
  ])('rounds %s to %d decimals as %d', (value, decimals, expected) => {
    expect(roundHalfUp(value, decimals)).toBe(expected);
  });

  it('rounds numbers by their decimal value, not their binary one', () => {
    // 1.005 is 1.00499999999999989... in binary; half-up on the decimal gives 1.01.
    expect(roundHalfUp(1.005, 2)).toBe(1.01);
    expect(roundHalfUp(2.675, 2)).toBe(2.68);
    expect(roundHalfUp((50 / 160) * 100, 1)).toBe(31.3);
  });
});

describe('null and 0 rules', () => {
  it('gives null for a sum or average no record contributed to, never 0', () => {
    expect(recorded(null, 1)).toBeNull();
    expect(recorded(undefined, 1)).toBeNull();
    expect(recorded('0', 1)).toBe(0);
  });

  it('gives 0 for a count of nothing', () => {
    expect(count(null)).toBe(0);
    expect(count('3')).toBe(3);
  });

  it('gives null for a ratio with a missing or zero denominator', () => {
    expect(ratio(5, 0, 100, 1)).toBeNull();
    expect(ratio(null, 10, 100, 1)).toBeNull();
    expect(ratio(5, null, 100, 1)).toBeNull();
    expect(ratio('1.6', '1218255', 10000, 2)).toBe(0.01);
    expect(ratio(0, 4, 1, 1)).toBe(0);
  });

  it('gives the change from the previous year only between two numbers', () => {
    expect(changeFrom(16, 20)).toBe(-4);
    expect(changeFrom(4.25, 5)).toBe(-0.75);
    expect(changeFrom(null, 5)).toBeNull();
    expect(changeFrom('<5', 5)).toBeNull();
  });

  it('gives the FTE missing to reach one animator per 10,000 inhabitants', () => {
    expect(fteGapToNorm(185103, 1.3)).toBe(17.21);
    expect(fteGapToNorm(10000, 2)).toBe(0);
    expect(fteGapToNorm(87632, null)).toBe(8.76);
  });
});
