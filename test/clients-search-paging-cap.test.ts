import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTransaction } from '../src/server/db/tx.js';
import { insertClients } from '../src/server/modules/clients/index.js';
import { createTestApp, type Session, setUpBusiness, type TestApp } from './support/app.js';
import { engine } from './support/db.js';

// A search ranks at most SCAN_CAP (200) index entries per driver, but a two-word query has several drivers
// (each word, the words joined, and the words joined the other way round), so its candidates can number
// more than 200. The offset of a search cursor is capped at SCAN_CAP: a cursor past it used to be read as
// 200 again, which repeated (part of) an earlier page, or the same page forever. A search stops paging at
// the cap instead. (A one-word query has one driver, so it never has more than 200 candidates and cannot
// show this.)

const SCAN_CAP = 200;
const PER_GROUP = 130;

/** aa, ab, … : a letters-only suffix, so each seeded name is one Latin token. */
const suffix = (i: number) => String.fromCharCode(97 + Math.floor(i / 26)) + String.fromCharCode(97 + (i % 26));

describe('client search paging stops at the scan cap', () => {
  let t: TestApp;
  let owner: Session;

  beforeAll(async () => {
    t = await createTestApp();
    const b = await setUpBusiness(t);
    owner = b.owner;
    // "ann lee" joined is "annlee", the other way round "leeann". 130 "Ann Leex…" have the full-name term
    // annleex… (found by the joined driver) and 130 "Annx… Lee" have the last-first term leeannx… (found by
    // the reversed driver): 260 clients match both words, more than SCAN_CAP, and every one is a candidate.
    const crowd = [
      ...Array.from({ length: PER_GROUP }, (_, i) => ({ firstName: 'Ann', lastName: `Leex${suffix(i)}`, homeStoreId: b.storeId })),
      ...Array.from({ length: PER_GROUP }, (_, i) => ({ firstName: `Annx${suffix(i)}`, lastName: 'Lee', homeStoreId: b.storeId })),
    ];
    await withTransaction(t.db.db, ({ tx }) =>
      insertClients(tx, crowd, { actorId: null, ip: null, requestId: null, now: t.clock.now() }, { checkDuplicates: false, audit: false }),
    );
    if (engine() === 'postgres') await sql`analyze`.execute(t.db.db);
  });
  afterAll(() => t.close());

  it.each([30, 50, 70])('pages "ann lee" with limit %i to an end, each client once, every one a match', async (limit) => {
    const q = encodeURIComponent('ann lee');
    // Enough pages for every candidate, and a few more; a repeating cursor would go on forever.
    const maxPages = Math.ceil((2 * PER_GROUP) / limit) + 3;
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await owner.get(`/api/v1/clients?q=${q}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json() as { data: Array<{ id: string; firstName: string; lastName: string }>; nextCursor: string | null };
      expect(body.data.length).toBeLessThanOrEqual(limit);
      for (const c of body.data) {
        const first = c.firstName.toLowerCase();
        const last = c.lastName.toLowerCase();
        const matches = (first.startsWith('ann') && last.startsWith('lee')) || (first.startsWith('lee') && last.startsWith('ann'));
        expect(matches, `${c.firstName} ${c.lastName}`).toBe(true);
      }
      seen.push(...body.data.map((c) => c.id));
      cursor = body.nextCursor;
      pages++;
    } while (cursor !== null && pages < maxPages);

    const distinct = new Set(seen).size;
    expect(seen.length - distinct, `ids repeated: ${seen.length} returned over ${pages} pages, ${distinct} distinct`).toBe(0);
    expect(cursor, `still a next cursor after ${pages} pages`).toBeNull();
    // Paging reached the cap (the test is not passing on a short result).
    expect(seen.length).toBeGreaterThanOrEqual(SCAN_CAP);
    expect(seen.length).toBeLessThanOrEqual(2 * PER_GROUP);
  });
});
