import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { interpolate } from './interpolate.js';

describe('interpolate', () => {
  it('replaces every occurrence of each placeholder', () => {
    expect(interpolate('{n} of {max}, still {n}', { n: 3, max: 5 })).toBe('3 of 5, still 3');
    expect(interpolate('余额不足：还差 {amount}', { amount: '$1.00' })).toBe('余额不足：还差 $1.00');
  });

  it('leaves missing, undefined and null params as written', () => {
    expect(interpolate('Hi {name}, {missing}', { name: 'Ann' })).toBe('Hi Ann, {missing}');
    expect(interpolate('{a}{b}', { a: undefined, b: null })).toBe('{a}{b}');
    expect(interpolate('{a}')).toBe('{a}');
  });

  it('keeps falsy but present values', () => {
    expect(interpolate('{zero}|{empty}|{no}', { zero: 0, empty: '', no: false })).toBe('0||false');
  });

  it('does not read inherited properties', () => {
    expect(interpolate('{constructor} {toString}', {})).toBe('{constructor} {toString}');
  });

  it('does not expand placeholders inside inserted values', () => {
    expect(interpolate('{a}', { a: '{b}', b: 'x' })).toBe('{b}');
  });

  it('treats `$` in values literally (no replace() patterns)', () => {
    expect(interpolate('{p}', { p: "$& $1 $$ $'" })).toBe("$& $1 $$ $'");
  });

  it('ignores braces that are not placeholders', () => {
    expect(interpolate('{ a } {} {1x} {{a}}', { a: 'A' })).toBe('{ a } {} {1x} {A}');
  });

  it('is the identity for templates without braces (property)', () => {
    fc.assert(
      fc.property(
        fc.string().filter((s) => !s.includes('{')),
        fc.dictionary(fc.string(), fc.string()),
        (t, p) => interpolate(t, p) === t,
      ),
    );
  });
});
