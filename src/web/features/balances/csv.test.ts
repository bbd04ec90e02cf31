import { describe, expect, it } from 'vitest';
import { decimal, toCsv } from './csv.js';

describe('report CSV', () => {
  it('quotes what needs quoting and starts with a BOM', () => {
    expect(
      toCsv(
        ['store', 'total'],
        [
          ['Lotus, Flushing', '12.50'],
          ['say "hi"', 3],
        ],
      ),
    ).toBe('\uFEFFstore,total\r\n"Lotus, Flushing",12.50\r\n"say ""hi""",3\r\n');
  });

  it('defuses formulas but keeps negative numbers', () => {
    expect(toCsv(['a'], [['=SUM(A1)'], ['-12.50'], [null]])).toBe("\uFEFFa\r\n'=SUM(A1)\r\n-12.50\r\n\r\n");
  });

  it('writes cents as decimals', () => {
    expect([decimal(123456), decimal(-5), decimal(0), decimal(100)]).toEqual(['1234.56', '-0.05', '0.00', '1.00']);
  });
});
