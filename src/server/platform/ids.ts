import { v7 as uuidv7 } from 'uuid';

// UUIDv7: time-ordered, so new rows append to the end of B-tree indexes instead of scattering.
// uuid's v7 keeps a per-process counter, so ids made in the same millisecond still sort in creation order.

/** A new opaque id (lowercase UUIDv7). */
export function newId(): string {
  return uuidv7();
}

// Canonical lowercase only: SQLite compares text case-sensitively, so an uppercase copy would silently miss.
const V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** True for a string shaped like an id this system issues (lowercase UUIDv7, RFC 9562 variant). */
export function isId(s: unknown): s is string {
  return typeof s === 'string' && V7.test(s);
}
