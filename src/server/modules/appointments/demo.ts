// Demo data: a realistic week of visits around `now` in each store — single and multi-service visits (one
// after the other and two technicians at once), walk-ins, completed visits in the past, a few no-shows and
// cancellations, today's clients checked in or in service, and confirmed bookings ahead. Placed by the
// availability engine, so nothing overlaps and everything lies inside working hours.
import type { Executor } from '../../db/tx.js';
import { AppError } from '../../platform/errors.js';
import { addDays, type LocalDate, startOfLocalDay } from '../../platform/zoned-time.js';
import { getEffectiveServices } from '../catalog/index.js';
import { insertVisit, type PlacedLine, placeLines } from './booking.js';
import { loadStore } from './planner.js';
import { insertHistory, loadSettings, releaseOccupancy } from './repo.js';
import type { LineInput } from './schemas.js';
import { STAMP, type Status } from './status.js';
import { localParts } from './time.js';

export type DemoAppointmentsOptions = {
  storeIds: readonly string[];
  /** Clients to book for (walk-ins sometimes have none). */
  clientIds: readonly string[];
  now: number;
  /** Days before and after today (default 3: a week centred on today). */
  daysAround?: number;
  /** Attempted visits per store per day (default 24). */
  visitsPerDay?: number;
  seed?: number;
};

function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Seeds the visits in the caller's transaction; no messages are sent for them. Returns their ids. */
export async function seedDemoAppointments(tx: Executor, opts: DemoAppointmentsOptions): Promise<{ appointmentIds: string[] }> {
  const random = rng(opts.seed ?? 20260308);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const around = opts.daysAround ?? 3;
  const perDay = opts.visitsPerDay ?? 24;
  const ids: string[] = [];
  const serviceIds = (await tx.selectFrom('services').select('id').where('archived', '=', 0).execute()).map((r) => r.id);
  for (const storeId of opts.storeIds) {
    const store = await loadStore(tx, { id: storeId });
    if (!store) continue;
    const { settings } = await loadSettings(tx, storeId);
    const services = [...(await getEffectiveServices(tx, storeId, serviceIds)).values()].filter(
      (s) => s.available && !s.archived && s.staff.length > 0,
    );
    if (services.length === 0) continue;
    const today = localParts(opts.now, store.timeZone).date;
    // Placing in the past needs a "now" before the week: statuses are set after placement.
    const placeNow = startOfLocalDay(addDays(today, -around - 1), store.timeZone);
    for (let d = -around; d <= around; d++) {
      const date: LocalDate = addDays(today, d);
      for (let i = 0; i < perDay; i++) {
        const hour = 9 + Math.floor(random() * 9);
        const minute = pick([0, 15, 30, 45]);
        const startLocal = `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
        const first = pick(services);
        const lines: LineInput[] = [{ serviceId: first.id, staffId: random() < 0.4 ? pick(first.staff).staffId : 'any', date, startLocal }];
        const roll = random();
        if (roll < 0.25) {
          const second = pick(services);
          lines.push({ serviceId: second.id, staffId: 'any', ...(roll < 0.1 ? { parallelWithPrevious: true } : {}) });
        }
        const walkIn = d <= 0 && random() < 0.15;
        let placed: PlacedLine[];
        try {
          placed = await placeLines(tx, store, lines, { mode: 'front_desk', now: placeNow, settings });
        } catch (err) {
          if (err instanceof AppError) continue; // taken or outside hours: try another
          throw err;
        }
        const clientId = walkIn && random() < 0.5 ? null : opts.clientIds.length ? pick(opts.clientIds) : null;
        const { row } = await insertVisit(
          tx,
          {
            storeId,
            clientId,
            source: walkIn ? 'walk_in' : pick(['front_desk', 'front_desk', 'phone', 'online']),
            notes: null,
            createdBy: null,
            now: Math.min(opts.now, row0(placed)) - 3 * 86_400_000,
          },
          placed,
          settings,
        );
        await insertHistory(tx, {
          appointmentId: row.id,
          from: null,
          to: 'booked',
          at: row.created_at,
          actorId: null,
          startAt: row.start_at,
        });
        const path = statusPath(row.start_at, row.end_at, opts.now, random());
        let from: Status = 'booked';
        for (const to of path) {
          const at =
            to === 'cancelled'
              ? Math.min(opts.now, row.start_at - 3_600_000)
              : Math.min(opts.now, to === 'completed' ? row.end_at : row.start_at);
          const stamp = STAMP[to]!;
          await tx
            .updateTable('appointments')
            .set({
              status: to,
              [stamp.at]: at,
              version: row.version + 1,
              updated_at: at,
              ...(to === 'cancelled' ? { cancel_reason: 'Client asked to cancel' } : {}),
            })
            .where('id', '=', row.id)
            .execute();
          if (to === 'cancelled' || to === 'no_show') {
            await releaseOccupancy(tx, row.id);
            await tx.updateTable('appointment_lines').set({ active: 0 }).where('appointment_id', '=', row.id).execute();
          }
          await insertHistory(tx, { appointmentId: row.id, from, to, at, actorId: null });
          from = to;
        }
        ids.push(row.id);
      }
    }
  }
  return { appointmentIds: ids };
}

const row0 = (placed: ReadonlyArray<{ start: number }>) => Math.min(...placed.map((l) => l.start));

/** What happened to a visit, given where it lies relative to now. */
function statusPath(start: number, end: number, now: number, r: number): Status[] {
  if (end <= now) {
    if (r < 0.08) return ['no_show'];
    if (r < 0.14) return ['cancelled'];
    return ['confirmed', 'checked_in', 'in_service', 'completed'];
  }
  if (start <= now) return r < 0.5 ? ['checked_in', 'in_service'] : ['checked_in'];
  if (r < 0.08) return ['cancelled'];
  return r < 0.5 ? ['confirmed'] : [];
}
