import type { FieldCipher } from '../../platform/crypto.js';
import type { HealthData } from './schemas.js';

// Health data lives in one encrypted JSON token per client (clients.health). The context binds the token
// to the client id: a token copied onto another client's row does not decrypt.

export const HEALTH_FIELDS = ['allergies', 'conditions', 'medications', 'skinType', 'contraindications'] as const;

export const healthContext = (clientId: string) => `clients:${clientId}:health`;

/** Only the non-empty fields, or null when nothing is left. */
export function compactHealth(data: HealthData | null | undefined): HealthData | null {
  if (!data) return null;
  const out: HealthData = {};
  for (const k of HEALTH_FIELDS) {
    const v = data[k]?.trim();
    if (v) out[k] = v;
  }
  return Object.keys(out).length ? out : null;
}

export function encryptHealth(cipher: FieldCipher, clientId: string, data: HealthData | null | undefined): string | null {
  const compact = compactHealth(data);
  return compact ? cipher.encrypt(JSON.stringify(compact), healthContext(clientId)) : null;
}

export function decryptHealth(cipher: FieldCipher, clientId: string, token: string | null): HealthData | null {
  if (!token) return null;
  return JSON.parse(cipher.decrypt(token, healthContext(clientId))) as HealthData;
}

/** Keeps `keep`'s values and fills its blanks from `other` (merging two cards). */
export function combineHealth(keep: HealthData | null, other: HealthData | null): HealthData | null {
  if (!keep) return other;
  if (!other) return keep;
  const out: HealthData = { ...keep };
  for (const k of HEALTH_FIELDS) if (!out[k] && other[k]) out[k] = other[k];
  return out;
}
