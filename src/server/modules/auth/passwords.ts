import { hash, verify } from '@node-rs/argon2';

// argon2id (algorithm 2: the package's const enum cannot be imported under isolatedModules)
// with OWASP's recommended floor (19 MiB, 2 passes).
const OPTIONS = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const hashSecret = (secret: string): Promise<string> => hash(secret, OPTIONS);

export async function verifySecret(stored: string, secret: string): Promise<boolean> {
  try {
    return await verify(stored, secret);
  } catch {
    return false;
  }
}

// Verified against when an email is unknown, so a miss costs the same time as a wrong password.
let dummyHash: Promise<string> | undefined;
export function dummyVerify(secret: string): Promise<boolean> {
  dummyHash ??= hashSecret('orchid-timing-equaliser');
  return dummyHash.then((h) => verifySecret(h, secret)).then(() => false);
}

// The most common long passwords from public breach lists (shorter ones fail the length rule anyway).
const COMMON = new Set(
  [
    '1234567890',
    '0123456789',
    '12345678910',
    '1234567890a',
    'qwertyuiop',
    'password12',
    'password123',
    'password1234',
    'passw0rd123',
    'iloveyou12',
    'iloveyou123',
    'qwerty12345',
    'qwerty123456',
    '1q2w3e4r5t',
    '1q2w3e4r5t6y',
    'q1w2e3r4t5',
    'a1b2c3d4e5',
    'abcdefghij',
    'abc1234567',
    'abcd123456',
    'asdfghjkl1',
    'zxcvbnm123',
    '1111111111',
    '0000000000',
    '9876543210',
    '5555555555',
    '1234554321',
    '1122334455',
    'qazwsxedcrfv',
    '1qaz2wsx3edc',
    'football123',
    'baseball123',
    'welcome123',
    'welcome1234',
    'letmein123',
    'sunshine123',
    'princess123',
    'dragon12345',
    'monkey12345',
    'superman123',
    'starwars123',
    'trustno1234',
    'changeme123',
    'administrator',
    'admin12345',
    'admin123456',
    'password!',
    'p@ssw0rd123',
    'woaini1314',
    'woaini520520',
    '5201314520',
    '1314520520',
    'aaaaaaaaaa',
    'asdfasdfasdf',
    'qwertyqwerty',
    'passwordpassword',
  ].map((p) => p.toLowerCase()),
);

/** At least 10 characters and not on the common list. */
export function isAcceptablePassword(password: string): boolean {
  return password.length >= 10 && password.length <= 200 && !COMMON.has(password.toLowerCase());
}

export const isValidPin = (pin: string): boolean => /^\d{4,6}$/.test(pin);
