import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../src/server/platform/ids.js';
import { createTestApp, type TestApp, tryJson } from './support/app.js';
import { bookingWorld, oneService, type World } from './support/appointments.js';

let t: TestApp;
let w: World;
beforeAll(async () => {
  t = await createTestApp();
  w = await bookingWorld(t, { techCount: 1 });
});
afterAll(async () => t.close());

describe('no double booking under concurrency', () => {
  it('50 concurrent requests for the same slot: exactly one 201, 49 × 409 slot_taken', async () => {
    const body = oneService(w, w.services.mani, '2026-12-01', '11:00', w.techs[0]!.id);
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) => w.frontDesk.post('/api/v1/appointments', body, { 'idempotency-key': `race-${i}-key` })),
    );
    const codes = responses.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 201)).toHaveLength(1);
    expect(codes.filter((c) => c === 409)).toHaveLength(49);
    for (const r of responses.filter((x) => x.statusCode === 409)) {
      expect(tryJson(r).code).toBe('slot_taken');
      expect(Array.isArray(tryJson(r).alternatives)).toBe(true);
    }
    const rows = await t.db.db.selectFrom('staff_occupancy').selectAll().where('staff_id', '=', w.techs[0]!.id).execute();
    expect(rows).toHaveLength(1);
  });

  it('50 concurrent "any technician" requests overlapping by a few minutes: no overlap is ever stored', async () => {
    const times = ['13:00', '13:15', '13:30', '13:45', '14:00'];
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        w.frontDesk.post('/api/v1/appointments', oneService(w, w.services.color, '2026-12-01', times[i % times.length]!)),
      ),
    );
    expect(responses.filter((r) => r.statusCode === 201).length).toBeGreaterThanOrEqual(1);
    expect(responses.every((r) => r.statusCode === 201 || tryJson(r)?.code === 'slot_taken')).toBe(true);
    const rows = await t.db.db.selectFrom('staff_occupancy').selectAll().orderBy('start_at').execute();
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.start_at).toBeGreaterThanOrEqual(rows[i - 1]!.end_at);
  });

  it('the database itself refuses an overlapping occupancy row (exclusion constraint / trigger)', async () => {
    const existing = await t.db.db.selectFrom('staff_occupancy').selectAll().executeTakeFirstOrThrow();
    await expect(
      t.db.db
        .insertInto('staff_occupancy')
        .values({ ...existing, id: newId(), start_at: existing.start_at + 60_000, end_at: existing.end_at + 60_000 })
        .execute(),
    ).rejects.toThrow();
    // Touching is fine: [10:00, 11:00) and [11:00, 12:00) do not overlap.
    await t.db.db
      .insertInto('staff_occupancy')
      .values({
        ...existing,
        id: newId(),
        start_at: existing.end_at + 3_600_000 * 24 * 30,
        end_at: existing.end_at + 3_600_000 * 24 * 30 + 60_000,
      })
      .execute();
  });

  it('a long occupancy row still clashes with one starting days after it; rows beyond the longest line are refused', async () => {
    const existing = await t.db.db.selectFrom('staff_occupancy').selectAll().executeTakeFirstOrThrow();
    const day = 86_400_000;
    const from = existing.end_at + 90 * day;
    const row = (start: number, end: number) => ({ ...existing, id: newId(), start_at: start, end_at: end });
    await t.db.db
      .insertInto('staff_occupancy')
      .values(row(from, from + 3 * day))
      .execute();
    // Starts two and a half days later, inside the first row: the search must reach back that far.
    await expect(
      t.db.db
        .insertInto('staff_occupancy')
        .values(row(from + 2.5 * day, from + 2.5 * day + 3_600_000))
        .execute(),
    ).rejects.toThrow();
    await t.db.db
      .insertInto('staff_occupancy')
      .values(row(from + 3 * day, from + 3 * day + 3_600_000))
      .execute();
    // SQLite's trigger looks back only as far as the longest line (4 days), so it refuses anything longer.
    if (t.db.dialect === 'sqlite')
      await expect(
        t.db.db
          .insertInto('staff_occupancy')
          .values(row(from + 10 * day, from + 15 * day))
          .execute(),
      ).rejects.toThrow(/slot_taken/);
  });

  it('an idempotent retry returns the first answer and books nothing twice', async () => {
    const body = oneService(w, w.services.pedi, '2026-12-02', '10:00', w.techs[0]!.id);
    const headers = { 'idempotency-key': 'booking-retry-0001' };
    const [a, b] = await Promise.all([
      w.frontDesk.post('/api/v1/appointments', body, headers),
      w.frontDesk.post('/api/v1/appointments', body, headers),
    ]);
    expect([a.statusCode, b.statusCode]).toEqual([201, 201]);
    expect(a.json().id).toBe(b.json().id);
    const c = await w.frontDesk.post('/api/v1/appointments', body, headers);
    expect(c.statusCode).toBe(201);
    expect(c.json().id).toBe(a.json().id);
    expect(c.headers['idempotent-replayed']).toBe('true');
    const count = await t.db.db
      .selectFrom('appointments')
      .select(t.db.db.fn.countAll<number>().as('n'))
      .where('start_at', '=', Date.parse('2026-12-02T15:00:00Z'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
    const reused = await w.frontDesk.post('/api/v1/appointments', { ...body, notes: 'different' }, headers);
    expect(reused.statusCode).toBe(409);
    expect(reused.json().code).toBe('idempotency_key_reused');
  });

  it('a retry after the start has passed still returns the first answer', async () => {
    const body = oneService(w, w.services.mani, '2026-11-27', '10:30', w.techs[0]!.id);
    const headers = { 'idempotency-key': 'booking-retry-late-0001' };
    const first = await w.frontDesk.post('/api/v1/appointments', body, headers);
    expect(first.statusCode, first.body).toBe(201);
    t.clock.advance(45 * 60_000);
    const again = await w.frontDesk.post('/api/v1/appointments', body, headers);
    expect(again.statusCode, again.body).toBe(201);
    expect(again.json().id).toBe(first.json().id);
    expect((await w.frontDesk.post('/api/v1/appointments', body, { 'idempotency-key': 'booking-retry-late-0002' })).json().code).toBe(
      'start_in_past',
    );
  });
});
