import { describe, expect, it } from 'vitest';
import { addOnsByLine } from './add-ons.js';

describe('add-ons on the booking drawer’s lines', () => {
  const catalog = [
    { id: 'paraffin', serviceIds: ['mani', 'pedi'] },
    { id: 'scrub', serviceIds: ['pedi'] },
    { id: 'mask', serviceIds: ['facial'] },
  ];

  it('puts each add-on on the first chosen service it is attached to, and leaves out the rest', () => {
    expect(addOnsByLine(['pedi', 'mani'], ['paraffin', 'scrub', 'mask'], catalog)).toEqual([['paraffin', 'scrub'], []]);
    expect(addOnsByLine(['mani', 'pedi'], ['scrub', 'paraffin'], catalog)).toEqual([['paraffin'], ['scrub']]);
    expect(addOnsByLine([], ['paraffin'], catalog)).toEqual([]);
  });
});
