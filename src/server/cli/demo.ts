import type { Kysely } from 'kysely';
import type { DB } from '../db/tables.js';
import { type Tx, withTransaction } from '../db/tx.js';
import type { Deps } from '../deps.js';
import { hashSecret, revokeSessionsOfStaff } from '../modules/auth/index.js';
import { runSetup } from '../modules/setup/index.js';
import { findStaffByEmail, insertStaff, storeIdsOfStaff } from '../modules/staff/index.js';
import { insertStore } from '../modules/stores/index.js';
import { type AuditContext, writeAudit } from '../platform/audit.js';
import { AppError } from '../platform/errors.js';
import type { Language } from '../platform/i18n.js';
import type { Role } from '../platform/permissions.js';
import type { CliCommand } from './index.js';

// `npm run demo`: the demo salon "Lotus Nail & Spa", built with the same domain code as the setup
// wizard and the staff/stores screens. Later modules add their demo data as steps (see `demoSteps`).

export const DEMO_PASSWORD = 'lotusdemo2026';
export const DEMO_BUSINESS = { name: 'Lotus Nail & Spa', currency: 'USD', language: 'en' } as const;

export const DEMO_STORES = {
  flushing: {
    name: 'Lotus Flushing',
    timeZone: 'America/New_York',
    currency: 'USD',
    address: '136-20 38th Ave, Flushing, NY 11354',
    phone: '+1 718-555-0136',
  },
  richmond: {
    name: 'Lotus Richmond',
    timeZone: 'America/Vancouver',
    currency: 'CAD',
    address: '8391 Alexandra Rd, Richmond, BC V6X 1C3',
    phone: '+1 604-555-0183',
  },
} as const;
export type DemoStoreKey = keyof typeof DEMO_STORES;

type DemoPerson = {
  name: string;
  displayName: string;
  email: string;
  role: Role;
  stores: DemoStoreKey[];
  language: Language;
  pin: string;
};

/** One person per role (and a second technician in Richmond). All sign in with DEMO_PASSWORD. */
export const DEMO_STAFF = {
  owner: {
    name: 'Mei Lin 林美',
    displayName: 'Mei',
    email: 'owner@lotus.example',
    role: 'owner',
    stores: ['flushing', 'richmond'],
    language: 'en',
    pin: '1111',
  },
  manager: {
    name: 'David Chen 陈大伟',
    displayName: 'David',
    email: 'manager@lotus.example',
    role: 'manager',
    stores: ['flushing', 'richmond'],
    language: 'zh-CN',
    pin: '2222',
  },
  frontDesk: {
    name: 'Sarah Johnson',
    displayName: 'Sarah',
    email: 'frontdesk@lotus.example',
    role: 'front_desk',
    stores: ['flushing'],
    language: 'en',
    pin: '3333',
  },
  tech: {
    name: 'Wang Xiaohong 王小红',
    displayName: '小红',
    email: 'tech@lotus.example',
    role: 'technician',
    stores: ['flushing'],
    language: 'zh-CN',
    pin: '4444',
  },
  accountant: {
    name: 'Linda Park',
    displayName: 'Linda',
    email: 'accountant@lotus.example',
    role: 'accountant',
    stores: ['flushing', 'richmond'],
    language: 'en',
    pin: '5555',
  },
  techRichmond: {
    name: 'Amy Chen 陳怡君',
    displayName: 'Amy',
    email: 'tech2@lotus.example',
    role: 'technician',
    stores: ['richmond'],
    language: 'zh-TW',
    pin: '6666',
  },
} as const satisfies Record<string, DemoPerson>;
export type DemoStaffKey = keyof typeof DEMO_STAFF;

/** What a demo step gets: the open transaction, an audit context (actor: the demo owner) and the ids it needs. */
export type DemoContext = {
  tx: Tx;
  audit: AuditContext;
  now: number;
  business: { id: string; name: string; currency: string };
  stores: Record<DemoStoreKey, { id: string; name: string; timeZone: string; currency: string }>;
  staff: Record<DemoStaffKey, { id: string; name: string; displayName: string; role: Role; storeIds: string[] }>;
  /** A line for the summary printed at the end (e.g. "120 clients"). */
  note(line: string): void;
};

/**
 * A named piece of demo data. Each step runs once, in its own transaction, together with an audit row
 * `demo.step` naming it — so running `npm run demo` again on an existing demo adds only the steps that
 * are new since (e.g. after an upgrade) and never duplicates data.
 */
export type DemoStep = { name: string; run(c: DemoContext): Promise<void> };

/**
 * The steps after the foundation (business, stores, staff), in order. A module adds its demo data by
 * exporting a DemoStep from its index.ts and listing it here, e.g.
 *   import { catalogDemoStep } from '../modules/catalog/index.js';  …  demoSteps = [catalogDemoStep, clientsDemoStep]
 * Use the module's own service/insert functions inside `run`, with `c.tx` and `c.audit`.
 */
export const demoSteps: DemoStep[] = [];

const FOUNDATION = 'foundation';

export type DemoResult =
  | { status: 'refused'; businessName: string }
  | { status: 'created' | 'extended' | 'unchanged'; stepsRun: string[]; notes: string[] };

/** Creates (or completes) the demo business. Refuses, changing nothing, when a real business is here. */
export async function createDemo(deps: Pick<Deps, 'database' | 'clock'>): Promise<DemoResult> {
  const db = deps.database.db;
  const business = await db.selectFrom('business').select(['name']).executeTakeFirst();
  if (business && !(await isDemoBusiness(db))) return { status: 'refused', businessName: business.name };

  const stepsRun: string[] = [];
  const notes: string[] = [];
  if (!business) {
    const created = await createBusiness(db, deps.clock.now());
    if (!created) {
      // Someone set up this database between our check and our write: re-check who won.
      const now = await db.selectFrom('business').select(['name']).executeTakeFirstOrThrow();
      if (!(await isDemoBusiness(db))) return { status: 'refused', businessName: now.name };
    } else {
      stepsRun.push('business');
    }
  }

  const done = new Set(
    (await db.selectFrom('audit_log').select('entity_id').where('action', '=', 'demo.step').execute()).map((r) => r.entity_id),
  );
  const all: DemoStep[] = [{ name: FOUNDATION, run: foundation }, ...demoSteps];
  for (const step of all) {
    if (done.has(step.name)) continue;
    const owner = (await findStaffByEmail(db, DEMO_STAFF.owner.email))!;
    const now = deps.clock.now();
    const audit: AuditContext = { actorId: owner.id, ip: null, requestId: null, now };
    await withTransaction(db, async ({ tx }) => {
      const ctx = await loadContext(tx, audit, step.name === FOUNDATION, (line) => notes.push(line));
      await step.run(ctx);
      await writeAudit(tx, audit, { action: 'demo.step', entityType: 'demo', entityId: step.name });
    });
    stepsRun.push(step.name);
  }
  const status = stepsRun.includes('business') ? 'created' : stepsRun.length ? 'extended' : 'unchanged';
  return { status, stepsRun, notes };
}

/** The demo is recognised by its name and its owner's reserved `.example` address. */
export async function isDemoBusiness(db: Kysely<DB>): Promise<boolean> {
  const business = await db.selectFrom('business').select('name').executeTakeFirst();
  if (business?.name !== DEMO_BUSINESS.name) return false;
  const owner = await findStaffByEmail(db, DEMO_STAFF.owner.email);
  return owner?.role === 'owner';
}

/** Business, the New York store and the owner, through the first-run setup itself. False if another setup won. */
async function createBusiness(db: Kysely<DB>, now: number): Promise<boolean> {
  const { flushing } = DEMO_STORES;
  const { owner } = DEMO_STAFF;
  try {
    await runSetup(
      db,
      {
        business: { ...DEMO_BUSINESS },
        store: { name: flushing.name, timeZone: flushing.timeZone, address: flushing.address, phone: flushing.phone },
        owner: { name: owner.name, email: owner.email, password: DEMO_PASSWORD },
      },
      { actorId: null, ip: null, requestId: null, now },
      { ip: null, userAgent: 'orchid demo' },
    );
    return true;
  } catch (err) {
    if (err instanceof AppError && err.code === 'already_set_up') return false;
    throw err;
  }
}

/** The second store (CAD), everyone else, and terminal PINs for all. */
async function foundation(c: DemoContext): Promise<void> {
  const { tx, audit } = c;
  const people = Object.entries(DEMO_STAFF).filter(([key]) => key !== 'owner') as Array<[DemoStaffKey, DemoPerson]>;
  const [passwordHash, ...pinHashes] = await Promise.all([
    hashSecret(DEMO_PASSWORD),
    ...Object.values(DEMO_STAFF).map((p) => hashSecret(p.pin)),
  ]);
  const pinOf = new Map<string, string>(Object.values(DEMO_STAFF).map((p, i) => [p.email, pinHashes[i]!]));

  const richmond = await insertStore(tx, { ...DEMO_STORES.richmond, specialDates: [] }, DEMO_BUSINESS.currency, audit);
  const storeIds: Record<DemoStoreKey, string> = { flushing: c.stores.flushing.id, richmond: richmond.id };
  for (const [, p] of people) {
    await insertStaff(
      tx,
      {
        name: p.name,
        displayName: p.displayName,
        email: p.email,
        role: p.role,
        storeIds: p.stores.map((s) => storeIds[s]),
        language: p.language,
        passwordHash,
        pinHash: pinOf.get(p.email)!,
      },
      audit,
    );
  }
  // The owner came from the setup wizard, which asks for no PIN. (staff/index.ts exports no
  // transaction-level PIN setter; this is the same write and audit row as PUT /staff/:id/pin.)
  await tx
    .updateTable('staff')
    .set({ pin_hash: pinOf.get(DEMO_STAFF.owner.email)!, updated_at: c.now })
    .where('id', '=', c.staff.owner.id)
    .execute();
  await writeAudit(tx, audit, { action: 'staff.pin_set', entityType: 'staff', entityId: c.staff.owner.id });
  // Setup signed the owner in; nobody holds that session's token, so close it.
  await revokeSessionsOfStaff(tx, c.staff.owner.id, c.now);
  c.note(`2 stores, ${people.length + 1} staff`);
}

async function loadContext(tx: Tx, audit: AuditContext, partial: boolean, note: (line: string) => void): Promise<DemoContext> {
  const business = await tx.selectFrom('business').select(['id', 'name', 'currency']).executeTakeFirstOrThrow();
  const storeRows = await tx.selectFrom('stores').select(['id', 'name', 'time_zone', 'currency']).execute();
  const stores = {} as DemoContext['stores'];
  for (const key of Object.keys(DEMO_STORES) as DemoStoreKey[]) {
    const row = storeRows.find((s) => s.name === DEMO_STORES[key].name);
    if (row) stores[key] = { id: row.id, name: row.name, timeZone: row.time_zone, currency: row.currency };
    else if (!partial) throw new Error(`The demo store "${DEMO_STORES[key].name}" is missing; was it renamed?`);
  }
  const staff = {} as DemoContext['staff'];
  for (const key of Object.keys(DEMO_STAFF) as DemoStaffKey[]) {
    const row = await findStaffByEmail(tx, DEMO_STAFF[key].email);
    if (row) {
      staff[key] = {
        id: row.id,
        name: row.name,
        displayName: row.display_name,
        role: row.role as Role,
        storeIds: await storeIdsOfStaff(tx, row.id),
      };
    } else if (!partial) throw new Error(`The demo staff member ${DEMO_STAFF[key].email} is missing`);
  }
  return { tx, audit, now: audit.now, business, stores, staff, note };
}

// ---------------------------------------------------------------------------------------------------
// CLI

export const demo: CliCommand = async (config, _args, openRuntime) => {
  const deps = await openRuntime(config);
  try {
    const result = await createDemo(deps);
    if (result.status === 'refused') {
      console.error(
        `This database already holds the business "${result.businessName}", which is not the demo. ` +
          'Nothing was changed.\nThe demo only goes into an empty database: point DATA_DIR (or DATABASE_URL) somewhere new, e.g.\n' +
          '  DATA_DIR=./demo-data npm run demo && DATA_DIR=./demo-data npm start',
      );
      return 1;
    }
    if (result.status === 'created') console.log(`Created the demo business "${DEMO_BUSINESS.name}" (${result.notes.join('; ')}).`);
    else if (result.status === 'extended') console.log(`The demo business is already here; added: ${result.stepsRun.join(', ')}.`);
    else console.log(`The demo business "${DEMO_BUSINESS.name}" is already here and complete; nothing to do.`);
    console.log(`\nSign in at http://localhost:${config.port} (npm start) with password ${DEMO_PASSWORD}:\n`);
    console.log(loginTable());
    return 0;
  } finally {
    await deps.database.close();
  }
};

/** The demo logins as a plain-text table (CJK characters count double, as terminals draw them). */
export function loginTable(): string {
  const storeName = (k: DemoStoreKey) => DEMO_STORES[k].name.replace(/^Lotus /, '');
  const rows = [
    ['Role', 'Name', 'Email', 'Password', 'PIN', 'Stores'],
    ...Object.values(DEMO_STAFF).map((p: DemoPerson) => [
      p.role,
      p.name,
      p.email,
      DEMO_PASSWORD,
      p.pin,
      p.role === 'owner' ? 'all' : p.stores.map(storeName).join(', '),
    ]),
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => displayWidth(r[i]!))));
  const line = (r: string[]) =>
    r
      .map((cell, i) => cell + ' '.repeat(widths[i]! - displayWidth(cell)))
      .join('  ')
      .trimEnd();
  return [line(rows[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}
