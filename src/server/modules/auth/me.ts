import type { Executor } from '../../db/tx.js';
import type { Actor } from '../../http/actor.js';
import { PlatformErrors } from '../../platform/errors.js';
import { findStaffById } from '../staff/repo.js';
import { listStoresByIds } from '../stores/repo.js';
import { actorFor } from './sessions.js';
import { terminalById } from './terminals.js';

/** What the web app needs to draw its frame: who I am, my business, my stores, what I may do. */
export async function buildMe(db: Executor, actor: Actor) {
  const [staff, business, stores, terminal] = await Promise.all([
    findStaffById(db, actor.staffId),
    db.selectFrom('business').select(['id', 'name', 'currency', 'language']).executeTakeFirst(),
    listStoresByIds(db, actor.storeIds),
    actor.terminalId ? terminalById(db, actor.terminalId) : Promise.resolve(null),
  ]);
  return {
    staff: {
      id: actor.staffId,
      name: staff?.name ?? actor.name,
      displayName: actor.name,
      email: staff?.email ?? '',
      role: actor.role,
      language: actor.language,
    },
    business: business ?? null,
    stores: stores.map((s) => ({ id: s.id, name: s.name, slug: s.slug, timeZone: s.time_zone, currency: s.currency })),
    permissions: [...actor.permissions].sort(),
    csrfToken: actor.csrfToken,
    terminal,
  };
}

export type Me = Awaited<ReturnType<typeof buildMe>>;

/** The Me document for a session just created (login, PIN switch, setup). */
export async function meForNewSession(
  db: Executor,
  staffId: string,
  session: { sessionId: string; csrfToken: string },
  terminalId: string | null,
): Promise<Me> {
  const staff = await findStaffById(db, staffId);
  const actor = staff && (await actorFor(db, staff, 'session', { id: session.sessionId, csrfToken: session.csrfToken, terminalId }));
  if (!actor) throw PlatformErrors.unauthenticated();
  return buildMe(db, actor);
}
