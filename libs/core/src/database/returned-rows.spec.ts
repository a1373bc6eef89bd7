import { returnedRows } from './returned-rows.js';

describe('returnedRows', () => {
  it('unwraps the [rows, rowCount] pair of UPDATE and DELETE', () => {
    expect(returnedRows([[{ id: 1 }], 1])).toEqual([{ id: 1 }]);
    expect(returnedRows([[], 0])).toEqual([]);
  });

  it('keeps the plain rows of SELECT and INSERT', () => {
    expect(returnedRows([{ id: 1 }, { id: 2 }])).toEqual([{ id: 1 }, { id: 2 }]);
    expect(returnedRows([])).toEqual([]);
  });
});
