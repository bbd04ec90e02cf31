import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

// Field encryption for sensitive columns (health notes, allergies): AES-256-GCM, a fresh random 96-bit IV
// per value, and a 128-bit auth tag so any change to the stored token is detected instead of decrypting
// to garbage. The 'v1' prefix leaves room to change the scheme later without guessing old formats.

const VERSION = 'v1';
const ALGORITHM = 'aes-256-gcm';
const KEY_BYTES = 32;
const IV_BYTES = 12; // the size GCM is designed for
const TAG_BYTES = 16;

export interface FieldCipher {
  /**
   * Encrypts to `v1.<iv>.<tag>.<ciphertext>` (base64url). `context` (e.g. `clients:<id>:allergies`) is
   * authenticated but not stored: pass the same one to decrypt, so a value copied to another row fails.
   */
  encrypt(plaintext: string, context?: string): string;
  /** Throws on a malformed, tampered or foreign-key token, or a different `context`. */
  decrypt(token: string, context?: string): string;
}

export function generateKey(): Buffer {
  return randomBytes(KEY_BYTES);
}

export function createFieldCipher(key: Buffer): FieldCipher {
  if (!Buffer.isBuffer(key) || key.length !== KEY_BYTES) {
    throw new RangeError(`field encryption key must be ${KEY_BYTES} bytes`);
  }
  const secret = Buffer.from(key); // own copy: a caller reusing its buffer must not change our key

  return {
    encrypt(plaintext, context) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv(ALGORITHM, secret, iv, { authTagLength: TAG_BYTES });
      if (context !== undefined) cipher.setAAD(Buffer.from(context, 'utf8'));
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return [VERSION, b64(iv), b64(cipher.getAuthTag()), b64(body)].join('.');
    },
    decrypt(token, context) {
      const parts = typeof token === 'string' ? token.split('.') : [];
      if (parts.length !== 4 || parts[0] !== VERSION) throw invalid();
      const iv = unb64(parts[1]);
      const tag = unb64(parts[2]);
      const body = unb64(parts[3]);
      if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw invalid();
      try {
        const decipher = createDecipheriv(ALGORITHM, secret, iv, { authTagLength: TAG_BYTES });
        if (context !== undefined) decipher.setAAD(Buffer.from(context, 'utf8'));
        decipher.setAuthTag(tag);
        return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
      } catch {
        throw invalid(); // one message: do not tell an attacker which check failed
      }
    },
  };
}

function invalid(): Error {
  return new Error('encrypted field is invalid or was tampered with');
}

function b64(buf: Buffer): string {
  return buf.toString('base64url');
}

// Node's decoder skips bad characters and ignores spare bits, so several strings decode to the same bytes.
// Accept only the canonical spelling: then any edit to a token is an error, never a silent no-op.
function unb64(s: string | undefined): Buffer {
  const buf = Buffer.from(s ?? '', 'base64url');
  if (s === undefined || b64(buf) !== s) throw invalid();
  return buf;
}

export function sha256Hex(s: string): string {
  return createHash('sha256').update(s, 'utf8').digest('hex');
}

/**
 * A keyed signature (HMAC-SHA256, base64url) of `purpose:part:…`, for what must not be guessable or forged:
 * manage links, calendar-feed tokens, one-time code hashes. The purpose keeps one kind from passing as another.
 */
export function hmacSign(secret: string, purpose: string, ...parts: string[]): string {
  return createHmac('sha256', secret)
    .update([purpose, ...parts].join(':'))
    .digest('base64url');
}

/** A random secret (session ids, API tokens, CSRF tokens) as base64url. */
export function randomToken(bytes = 32): string {
  if (!Number.isSafeInteger(bytes) || bytes < 1) throw new RangeError(`bytes must be a positive integer, got ${bytes}`);
  return randomBytes(bytes).toString('base64url');
}

/**
 * Constant-time string comparison for secrets. Both sides are hashed first, so inputs of different
 * lengths compare without throwing and without leaking the secret's length through timing.
 */
export function timingSafeEqualStr(a: string, b: string): boolean {
  const ha = createHash('sha256').update(a, 'utf8').digest();
  const hb = createHash('sha256').update(b, 'utf8').digest();
  return timingSafeEqual(ha, hb);
}
