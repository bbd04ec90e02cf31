import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createFieldCipher, generateKey, randomToken, sha256Hex, timingSafeEqualStr } from './crypto.js';

const TOKEN = /^v1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]*$/;

describe('createFieldCipher', () => {
  const cipher = createFieldCipher(generateKey());

  it('round-trips text, including empty and non-ASCII', () => {
    for (const s of ['', 'allergic to latex', '对坚果过敏 🌰', 'x'.repeat(10_000)]) {
      const token = cipher.encrypt(s);
      expect(token).toMatch(TOKEN);
      expect(cipher.decrypt(token)).toBe(s);
    }
  });

  it('round-trips any string (property)', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (s) => cipher.decrypt(cipher.encrypt(s)) === s));
  });

  it('uses a fresh IV each time, so equal values do not look equal', () => {
    const a = cipher.encrypt('same');
    const b = cipher.encrypt('same');
    expect(a).not.toBe(b);
    expect(a.split('.')[1]).not.toBe(b.split('.')[1]);
    expect(a).not.toContain('same');
  });

  it('throws on any single-character change to a token (property)', () => {
    const token = cipher.encrypt('peanut allergy');
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=+/';
    fc.assert(
      fc.property(fc.nat(token.length - 1), fc.constantFrom(...alphabet), (i, ch) => {
        fc.pre(token[i] !== ch);
        const tampered = token.slice(0, i) + ch + token.slice(i + 1);
        expect(() => cipher.decrypt(tampered)).toThrow(/invalid or was tampered/);
      }),
      { numRuns: 500 },
    );
  });

  it('throws on swapped parts, truncation, extra parts and junk', () => {
    const [v, iv, tag, body] = cipher.encrypt('secret note').split('.');
    const other = cipher.encrypt('other note').split('.');
    const bad = [
      [v, iv, tag, other[3]].join('.'), // ciphertext from another value
      [v, other[1], tag, body].join('.'), // someone else's IV
      [v, iv, tag, body?.slice(0, -1)].join('.'),
      [v, iv, tag].join('.'),
      [v, iv, tag, body, ''].join('.'),
      ['v2', iv, tag, body].join('.'),
      '',
      'not a token',
    ];
    for (const t of bad) expect(() => cipher.decrypt(t), t).toThrow(Error);
  });

  it('cannot be read with another key', () => {
    const token = cipher.encrypt('secret');
    expect(() => createFieldCipher(generateKey()).decrypt(token)).toThrow(/invalid or was tampered/);
  });

  it('binds a value to its context when one is given', () => {
    const token = cipher.encrypt('latex', 'clients:a:allergies');
    expect(cipher.decrypt(token, 'clients:a:allergies')).toBe('latex');
    expect(() => cipher.decrypt(token, 'clients:b:allergies')).toThrow(Error);
    expect(() => cipher.decrypt(token)).toThrow(Error);
    expect(() => cipher.decrypt(cipher.encrypt('latex'), 'clients:a:allergies')).toThrow(Error);
  });

  it('copies the key, so later changes to the caller buffer do not matter', () => {
    const key = generateKey();
    const c = createFieldCipher(key);
    const token = c.encrypt('kept');
    key.fill(0);
    expect(c.decrypt(token)).toBe('kept');
  });

  it('refuses keys that are not 32 bytes', () => {
    expect(() => createFieldCipher(Buffer.alloc(16))).toThrow(RangeError);
    expect(() => createFieldCipher(Buffer.alloc(33))).toThrow(RangeError);
    expect(() => createFieldCipher('x'.repeat(32) as unknown as Buffer)).toThrow(RangeError);
  });
});

describe('generateKey', () => {
  it('makes distinct 32-byte keys', () => {
    const a = generateKey();
    expect(a.length).toBe(32);
    expect(a.equals(generateKey())).toBe(false);
  });
});

describe('sha256Hex', () => {
  it('matches known digests (UTF-8 input)', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex('王')).toMatch(/^[0-9a-f]{64}$/);
    expect(sha256Hex('王')).not.toBe(sha256Hex('玉'));
  });
});

describe('randomToken', () => {
  it('returns base64url of the requested number of bytes', () => {
    const t = randomToken();
    expect(t).toMatch(/^[A-Za-z0-9_-]{43}$/); // 32 bytes
    expect(Buffer.from(t, 'base64url').length).toBe(32);
    expect(Buffer.from(randomToken(24), 'base64url').length).toBe(24);
    expect(randomToken(24)).toMatch(/^[A-Za-z0-9_-]{32}$/);
  });

  it('does not repeat', () => {
    const seen = new Set(Array.from({ length: 1_000 }, () => randomToken(16)));
    expect(seen.size).toBe(1_000);
  });

  it('rejects nonsense sizes', () => {
    for (const n of [0, -1, 1.5, Number.NaN]) expect(() => randomToken(n)).toThrow(RangeError);
  });
});

describe('timingSafeEqualStr', () => {
  it('is true only for identical strings, whatever the lengths', () => {
    expect(timingSafeEqualStr('abc', 'abc')).toBe(true);
    expect(timingSafeEqualStr('', '')).toBe(true);
    expect(timingSafeEqualStr('abc', 'abd')).toBe(false);
    expect(timingSafeEqualStr('abc', 'abcd')).toBe(false);
    expect(timingSafeEqualStr('abc', '')).toBe(false);
  });

  it('agrees with === (property)', () => {
    fc.assert(fc.property(fc.string(), fc.string(), (a, b) => timingSafeEqualStr(a, b) === (a === b)));
    fc.assert(fc.property(fc.string(), (a) => timingSafeEqualStr(a, a)));
  });
});
