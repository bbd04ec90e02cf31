import { randomFillSync } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';

// UUIDv7: time-ordered, so new rows append to the end of B-tree indexes instead of scattering.
// Ids made in the same millisecond still sort in creation order: like uuid's own v7 state, the 31-bit
// sequence starts random each millisecond and counts up within it. Random bytes come from a pool filled
// 4 KiB at a time — one getRandomValues call per id cost more than the rest of a GET /me.

const pool = new Uint8Array(4096);
let poolOffset = pool.length;
const clock = { msecs: Number.NEGATIVE_INFINITY, seq: 0 };

function random16(): Uint8Array {
  if (poolOffset + 16 > pool.length) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  poolOffset += 16;
  return pool.subarray(poolOffset - 16, poolOffset);
}

/** A new opaque id (lowercase UUIDv7). */
export function newId(): string {
  const random = random16();
  const now = Date.now();
  if (now > clock.msecs) {
    clock.msecs = now;
    clock.seq = ((random[6]! & 0x7f) << 24) | (random[7]! << 16) | (random[8]! << 8) | random[9]!;
  } else {
    clock.seq = (clock.seq + 1) | 0;
    if (clock.seq === 0) clock.msecs++;
  }
  return uuidv7({ random, msecs: clock.msecs, seq: clock.seq });
}

// Canonical lowercase only: SQLite compares text case-sensitively, so an uppercase copy would silently miss.
const V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** True for a string shaped like an id this system issues (lowercase UUIDv7, RFC 9562 variant). */
export function isId(s: unknown): s is string {
  return typeof s === 'string' && V7.test(s);
}
