import { EVALUATION_BATCH_SIZE, batchesOf } from './label-flow.producer.js';

describe('batches of a region evaluation', () => {
  it('cuts the spaces into consecutive batches, in order, the last one shorter', () => {
    expect(batchesOf(['a', 'b', 'c', 'd', 'e'], 2)).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
    expect(batchesOf(['a', 'b'], 2)).toEqual([['a', 'b']]);
    expect(batchesOf([], 2)).toEqual([]);
  });

  it('keeps every space exactly once at the real size', () => {
    const ids = Array.from({ length: 614 }, (_, i) => `s${i}`);
    const batches = batchesOf(ids, EVALUATION_BATCH_SIZE);
    expect(batches).toHaveLength(Math.ceil(614 / EVALUATION_BATCH_SIZE));
    expect(batches.flat()).toEqual(ids);
    expect(Math.max(...batches.map((b) => b.length))).toBe(EVALUATION_BATCH_SIZE);
  });
});
