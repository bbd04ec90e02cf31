import { describe, expect, it } from 'vitest';
import { diff, flatten, showValue } from './diff.js';

describe('audit diff', () => {
  it('flattens nested objects, keeping arrays whole', () => {
    expect([...flatten({ a: 1, b: { c: 'x', d: [1, 2] } })]).toEqual([
      ['a', 1],
      ['b.c', 'x'],
      ['b.d', [1, 2]],
    ]);
  });

  it('classifies each field', () => {
    const rows = diff(
      { name: 'A', phone: null, hours: { mon: [] } },
      { name: 'B', phone: null, role: 'manager', hours: { mon: [{ open: '09:00', close: '17:00' }] } },
    );
    const byPath = Object.fromEntries(rows.map((r) => [r.path, r.kind]));
    expect(byPath).toEqual({ 'hours.mon': 'changed', name: 'changed', phone: 'same', role: 'added' });
    expect(diff({ a: 1 }, null)).toEqual([{ path: 'a', before: 1, after: undefined, kind: 'removed' }]);
    expect(diff(null, null)).toEqual([]);
  });

  it('shows values briefly', () => {
    expect(showValue('x')).toBe('x');
    expect(showValue(null)).toBe('null');
    expect(showValue([1])).toBe('[1]');
    expect(showValue(undefined)).toBe('');
  });
});
