import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTransaction } from '../src/server/db/tx.js';
import { explainSearch, insertClients, seedDemoClients } from '../src/server/modules/clients/index.js';
import { createFieldCipher } from '../src/server/platform/crypto.js';
import { permissionsOf } from '../src/server/platform/permissions.js';
import { addStaff, createTestApp, type Session, setUpBusiness, type TestApp } from './support/app.js';
import { engine } from './support/db.js';

describe('client search: names, pinyin, initials, phone digits, email', () => {
  let t: TestApp;
  let owner: Session;
  let storeId: string;
  let wang: { id: string };

  const ids = async (s: Session, q: string) => {
    const res = await s.get(`/api/v1/clients?q=${encodeURIComponent(q)}&limit=50`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().data.map((c: { id: string }) => c.id) as string[];
  };

  beforeAll(async () => {
    t = await createTestApp();
    const b = await setUpBusiness(t);
    owner = b.owner;
    storeId = b.storeId;
    // 300 realistic neighbours (the demo set) so matches must be picked out of a crowd.
    await withTransaction(t.db.db, ({ tx }) =>
      seedDemoClients(tx, { storeIds: [storeId], now: t.clock.now(), count: 300, cipher: createFieldCipher(t.deps.secrets.fieldKey) }),
    );
    wang = (
      await owner.post('/api/v1/clients', {
        firstName: '小明',
        lastName: '王',
        preferredName: 'Vivian',
        phone: '(415) 555-0134',
        email: 'Vivian.Wang@example.org',
      })
    ).json();
    if (engine() === 'postgres') await sql`analyze`.execute(t.db.db);
  });
  afterAll(() => t.close());

  it.each([
    'wang',
    'xiaoming',
    'wangxiaoming',
    'wxm',
    '小明',
    '王小明',
    'wang xiaoming',
    'Xiaoming Wang',
    'vivian',
    '0134',
    '555-0134',
    '(415) 555-0134',
    '+1 415 555 0134',
    '4155550134',
    'vivian.wang@example.org',
    'vivian.wang',
  ])('王小明 is found by %j', async (q) => {
    expect(await ids(owner, q)).toContain(wang.id);
  });

  it('ranks the exact phone first, then the exact full name', async () => {
    expect((await ids(owner, '(415) 555-0134'))[0]).toBe(wang.id);
    expect((await ids(owner, 'wangxiaoming'))[0]).toBe(wang.id);
    expect((await ids(owner, '王小明'))[0]).toBe(wang.id);
    const twin = (await owner.post('/api/v1/clients', { firstName: 'Ming', lastName: 'Wangxiao' })).json();
    const ranked = await ids(owner, 'wang xiaoming');
    expect(ranked[0]).toBe(wang.id);
    expect(ranked).not.toContain(twin.id);
  });

  it('requires every word to match and finds nothing for a stranger', async () => {
    expect(await ids(owner, 'wang zzz')).toEqual([]);
    expect(await ids(owner, 'qqqqqq')).toEqual([]);
    expect(await ids(owner, '9999-9999')).toEqual([]);
  });

  it('keeps search keys in step with edits', async () => {
    const c = (await owner.post('/api/v1/clients', { firstName: 'Renamed', lastName: 'Person', phone: '929 555 0177' })).json();
    expect(await ids(owner, 'renamed')).toContain(c.id);
    await owner.patch(`/api/v1/clients/${c.id}`, { version: 1, firstName: '丽', lastName: '吕', phone: '332 555 0178' });
    expect(await ids(owner, 'renamed')).not.toContain(c.id);
    expect(await ids(owner, '0177')).not.toContain(c.id);
    for (const q of ['lvli', 'luli', 'll', '吕丽', '0178']) expect(await ids(owner, q), q).toContain(c.id);
  });

  it('returns each client with its tags in search results and in the list, as on the card', async () => {
    const c = (
      await owner.post('/api/v1/clients', { firstName: 'Tagged', lastName: 'Zzyzx', tags: ['walk-in', 'VIP', 'Nails, Gel', '老客户'] })
    ).json();
    const card = (await owner.get(`/api/v1/clients/${c.id}`)).json();
    expect([...card.tags].sort()).toEqual(['Nails, Gel', 'VIP', 'walk-in', '老客户'].sort());
    const found = (await owner.get('/api/v1/clients?q=zzyzx')).json().data;
    expect(found.map((x: { id: string; tags: string[] }) => [x.id, x.tags])).toEqual([[c.id, card.tags]]);
    const listed = (await owner.get('/api/v1/clients?tag=vip&limit=100')).json().data.find((x: { id: string }) => x.id === c.id);
    expect(listed.tags).toEqual(card.tags);
    expect(found[0].phoneDisplay).toBeNull();
    expect((await ids(owner, 'tagged zzy'))[0]).toBe(c.id);
  });

  it('pages through a broad search without repeats', async () => {
    const first = (await owner.get('/api/v1/clients?q=a&limit=20')).json();
    expect(first.data).toHaveLength(20);
    const second = (await owner.get(`/api/v1/clients?q=a&limit=20&cursor=${first.nextCursor}`)).json();
    const all = [...first.data, ...second.data].map((c: { id: string }) => c.id);
    expect(new Set(all).size).toBe(all.length);
  });

  it('finds a partial first name before a common surname ("jen smith") among many Smiths and Jens', async () => {
    // 60 Smiths and 60 Jens first, so neither word alone reaches her within its first entries.
    const crowd = [
      ...Array.from({ length: 60 }, (_, i) => ({
        firstName: `Amy${String.fromCharCode(97 + (i % 26))}`,
        lastName: 'Smith',
        homeStoreId: storeId,
      })),
      ...Array.from({ length: 60 }, (_, i) => ({
        firstName: 'Jen',
        lastName: `Brown${String.fromCharCode(97 + (i % 26))}`,
        homeStoreId: storeId,
      })),
    ];
    await withTransaction(t.db.db, ({ tx }) =>
      insertClients(tx, crowd, { actorId: null, ip: null, requestId: null, now: t.clock.now() }, { checkDuplicates: false, audit: false }),
    );
    const jennifer = (await owner.post('/api/v1/clients', { firstName: 'Jennifer', lastName: 'Smith' })).json();
    expect(await ids(owner, 'jen smith')).toContain(jennifer.id);
    expect(await ids(owner, 'smith jen')).toContain(jennifer.id);
    expect((await ids(owner, 'jennifer smith'))[0]).toBe(jennifer.id);
  });

  it('a technician searches only the clients of their stores', async () => {
    const other = (await owner.post('/api/v1/stores', { name: 'Queens', timeZone: 'America/New_York' })).json();
    const tech = (await addStaff(t, owner, { role: 'technician', storeIds: [other.id], email: 'tech.q@lotus.test' })).session;
    expect(await ids(tech, 'wxm')).toEqual([]);
    const mine = (await owner.post('/api/v1/clients', { firstName: '小明', lastName: '王', homeStoreId: other.id })).json();
    expect(await ids(tech, 'wxm')).toEqual([mine.id]);
  });

  it('uses the term index, never a scan of the terms table', async () => {
    const actor = {
      staffId: 'x',
      name: 'x',
      role: 'owner' as const,
      language: 'en' as const,
      storeIds: [storeId],
      allStores: true,
      permissions: permissionsOf('owner'),
      via: 'session' as const,
      sessionId: null,
      csrfToken: null,
      terminalId: null,
    };
    for (const q of ['wang', 'wang xiaoming', '0134']) {
      const plan = await explainSearch(t.db.db, t.db.dialect, actor, q);
      // Shown in the report as evidence; asserted below.
      console.log(`[${t.db.dialect}] plan for ${JSON.stringify(q)}:\n${plan}`);
      if (t.db.dialect === 'sqlite') {
        expect(plan).toMatch(/SEARCH client_search_terms USING PRIMARY KEY \(term>\? AND term<\?\)/);
        // Candidates are ranked from the covering rank index (no row fetch); only the page reads rows.
        expect(plan).toMatch(/SEARCH clients USING COVERING INDEX clients_rank_idx \(id=\?/);
        expect(plan).toMatch(/SEARCH x USING INDEX (sqlite_autoindex_clients_1|clients_rank_idx) \(id=\?\)/);
        if (q.includes(' '))
          expect(plan).toMatch(/USING COVERING INDEX client_search_terms_client_idx \(client_id=\? AND term>\? AND term<\?\)/);
        expect(plan).not.toMatch(/SCAN client_search_terms/);
        expect(plan).not.toMatch(/SCAN clients\b/);
      } else {
        // The prefix range is an index condition on the C-collated term btree. (With a few hundred rows the
        // planner may read the small `clients` table sequentially; at 50,000 it uses the primary key.)
        expect(plan).toMatch(/(Bitmap Index Scan on|Index (Only )?Scan using) client_search_terms_pk/);
        if (q.includes(' ')) expect(plan).toMatch(/Index (Only )?Scan using client_search_terms_client_idx/);
        expect(plan).toMatch(/Index Cond: \(\(term >= '[^']+'::text\) AND \(term < '[^']+'::text\)\)/);
        expect(plan).not.toMatch(/Seq Scan on client_search_terms/);
      }
    }
  });
});
