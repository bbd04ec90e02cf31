import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isId, newId } from './ids.js';

describe('newId', () => {
  it('makes UUIDv7 strings that isId accepts', () => {
    const id = newId();
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(isId(id)).toBe(true);
  });

  it('embeds the current time in its first 48 bits', () => {
    const before = Date.now();
    const id = newId();
    const ms = Number.parseInt(id.replaceAll('-', '').slice(0, 12), 16);
    expect(ms).toBeGreaterThanOrEqual(before);
    expect(ms).toBeLessThanOrEqual(Date.now() + 1); // the counter may roll into the next ms
  });

  it('is unique and sorts in creation order, even within one millisecond', () => {
    const ids = Array.from({ length: 5_000 }, () => newId());
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
  });
});

describe('isId', () => {
  it('rejects other UUID versions, uppercase and junk', () => {
    expect(isId(randomUUID())).toBe(false); // v4
    expect(isId(newId().toUpperCase())).toBe(false);
    expect(isId('0190b3c2-7a1e-7c3d-cd00-000000000000')).toBe(false); // wrong variant nibble
    expect(isId(`${newId()} `)).toBe(false);
    expect(isId('')).toBe(false);
    expect(isId(undefined)).toBe(false);
    expect(isId(42)).toBe(false);
  });
});
