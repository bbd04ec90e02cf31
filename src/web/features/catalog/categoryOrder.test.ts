import { describe, expect, it } from 'vitest';
import { moveCategory } from './categoryOrder.js';

const list = [
  { id: 'a', sortOrder: 10 },
  { id: 'b', sortOrder: 20 },
  { id: 'c', sortOrder: 30 },
];

describe('moveCategory', () => {
  it('swaps neighbours, saving only what changes', () => {
    expect(moveCategory(list, 1, -1).map((c) => [c.item.id, c.sortOrder])).toEqual([
      ['b', 10],
      ['a', 20],
    ]);
    expect(moveCategory(list, 0, 1).map((c) => [c.item.id, c.sortOrder])).toEqual([
      ['b', 10],
      ['a', 20],
    ]);
  });

  it('renumbers a list that had ties or gaps', () => {
    const messy = [
      { id: 'a', sortOrder: 0 },
      { id: 'b', sortOrder: 0 },
      { id: 'c', sortOrder: 0 },
    ];
    expect(moveCategory(messy, 2, -1).map((c) => [c.item.id, c.sortOrder])).toEqual([
      ['a', 10],
      ['c', 20],
      ['b', 30],
    ]);
  });

  it('does nothing at the ends', () => {
    expect(moveCategory(list, 0, -1)).toEqual([]);
    expect(moveCategory(list, 2, 1)).toEqual([]);
  });
});
