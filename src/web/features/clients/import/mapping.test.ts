import { describe, expect, it } from 'vitest';
import {
  dropFallback,
  identifies,
  sameMapping,
  sampleOf,
  setCustomColumn,
  setFieldColumn,
  toMappingFields,
  unusedColumns,
} from './mapping.js';

const start = { fields: { firstName: [0], lastName: [1], phone: [2, 3] }, custom: { nail_shape: 5 } };

describe('import column mapping', () => {
  it('gives a column to one field only', () => {
    const next = setFieldColumn(start, 'preferredName', 0);
    expect(next.fields).toEqual({ preferredName: [0], lastName: [1], phone: [2, 3] });
    expect(setFieldColumn(start, 'email', 5)).toEqual({ fields: { ...start.fields, email: [5] }, custom: {} });
    expect(setCustomColumn(start, 'nail_shape', 3)).toEqual({
      fields: { firstName: [0], lastName: [1], phone: [2] },
      custom: { nail_shape: 3 },
    });
  });

  it('replaces the fallbacks when a column is chosen by hand, and can drop one', () => {
    expect(setFieldColumn(start, 'phone', 4).fields.phone).toEqual([4]);
    expect(dropFallback(start, 'phone', 3).fields.phone).toEqual([2]);
    expect(dropFallback(dropFallback(start, 'phone', 3), 'phone', 2).fields.phone).toBeUndefined();
    expect(setFieldColumn(start, 'phone', null).fields.phone).toBeUndefined();
  });

  it('knows when a client can be identified and which columns are left behind', () => {
    expect(identifies(start.fields)).toBe(true);
    expect(identifies({ tags: [1] })).toBe(false);
    expect(unusedColumns(['a', 'b', 'c', 'd', 'e', 'f', 'g'], start)).toEqual([4, 6]);
  });

  it('shows a sample and builds the request', () => {
    expect(
      sampleOf(
        [
          ['', 'x'],
          ['Ann', 'y'],
        ],
        0,
      ),
    ).toBe('Ann');
    expect(sampleOf([[]], 0)).toBeNull();
    expect(toMappingFields(start)).toEqual(start.fields);
    expect(sameMapping(start, { custom: { nail_shape: 5 }, fields: { phone: [2, 3], lastName: [1], firstName: [0] } })).toBe(true);
    expect(sameMapping(start, setFieldColumn(start, 'phone', 3))).toBe(false);
  });
});

describe('column names', () => {
  it('reads like a spreadsheet', async () => {
    const { columnLetter } = await import('./mapping.js');
    expect([0, 1, 25, 26, 27, 51, 52].map(columnLetter)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'AZ', 'BA']);
  });
});
