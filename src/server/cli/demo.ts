import type { Kysely } from 'kysely';
import type { DB } from '../db/tables.js';
import { type Tx, withTransaction } from '../db/tx.js';
import type { Deps } from '../deps.js';
import { seedDemoAppointments } from '../modules/appointments/index.js';
import { hashSecret, revokeSessionsOfStaff } from '../modules/auth/index.js';
import { seedDemoCatalog } from '../modules/catalog/index.js';
import { seedDemoClients } from '../modules/clients/index.js';
import { seedDemoRosters } from '../modules/rosters/index.js';
import { seedDemoSales } from '../modules/sales/index.js';
import { runSetup } from '../modules/setup/index.js';
import { findStaffByEmail, insertStaff, storeIdsOfStaff } from '../modules/staff/index.js';
import { insertStore } from '../modules/stores/index.js';
import { seedDemoPackages } from '../modules/treatments/index.js';
import { seedDemoLedgers } from '../modules/wallet/index.js';
import { type AuditContext, writeAudit } from '../platform/audit.js';
import { createFieldCipher, type FieldCipher } from '../platform/crypto.js';
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

function tech(name: string, displayName: string, login: string, store: DemoStoreKey, language: Language, pin: string): DemoPerson {
  return { name, displayName, email: `${login}@lotus.example`, role: 'technician', stores: [store], language, pin };
}

/**
 * One person per role, and a team of five technicians in each store. All sign in with DEMO_PASSWORD (or,
 * on a store terminal, with their PIN). Technicians are listed in turn-list order per store: the first
 * charges more for a few services; nails for everyone, then lashes and skin care alternate with massage.
 */
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
  accountant: {
    name: 'Linda Park',
    displayName: 'Linda',
    email: 'accountant@lotus.example',
    role: 'accountant',
    stores: ['flushing', 'richmond'],
    language: 'en',
    pin: '5555',
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
  kevin: tech('Kevin Wu 吴凯文', 'Kevin', 'kevin', 'flushing', 'en', '4401'),
  lily: tech('Lily Zhang 张丽丽', 'Lily', 'lily', 'flushing', 'zh-CN', '4402'),
  maria: tech('Maria Gonzalez', 'Maria', 'maria', 'flushing', 'en', '4403'),
  jenny: tech('Jenny Liu 刘静', 'Jenny', 'jenny', 'flushing', 'zh-CN', '4404'),
  techRichmond: {
    name: 'Amy Chen 陳怡君',
    displayName: 'Amy',
    email: 'tech2@lotus.example',
    role: 'technician',
    stores: ['richmond'],
    language: 'zh-TW',
    pin: '6666',
  },
  jason: tech('Jason Lin 林志明', 'Jason', 'jason', 'richmond', 'zh-TW', '6601'),
  grace: tech('Grace Huang 黃雅婷', 'Grace', 'grace', 'richmond', 'zh-TW', '6602'),
  vicky: tech('Vicky Tran', 'Vicky', 'vicky', 'richmond', 'en', '6603'),
  emma: tech('Emma Wilson', 'Emma', 'emma', 'richmond', 'en', '6604'),
} as const satisfies Record<string, DemoPerson>;
export type DemoStaffKey = keyof typeof DEMO_STAFF;

/** The people of the first demo (one per role); the other technicians came with the `team` step. */
const FOUNDATION_STAFF: readonly DemoStaffKey[] = ['owner', 'manager', 'frontDesk', 'tech', 'accountant', 'techRichmond'];

/** What a demo step gets: the open transaction, an audit context (actor: the demo owner) and the ids it needs. */
export type DemoContext = {
  tx: Tx;
  audit: AuditContext;
  now: number;
  business: { id: string; name: string; currency: string };
  stores: Record<DemoStoreKey, { id: string; name: string; timeZone: string; currency: string }>;
  staff: Record<DemoStaffKey, { id: string; name: string; displayName: string; role: Role; storeIds: string[] }>;
  /** Encrypts health data (clients' health notes, treatment records) with the installation's field key. */
  cipher: FieldCipher;
  /** Where treatment photos go (DATA_DIR/photos); absent: the demo has no photos. */
  photoDir: string | undefined;
  /** A line for the summary printed at the end (e.g. "120 clients"). */
  note(line: string): void;
};

/**
 * A named piece of demo data. Each step runs once, in its own transaction, together with an audit row
 * `demo.step` naming it — so running `npm run demo` again on an existing demo adds only the steps that
 * are new since (e.g. after an upgrade) and never duplicates data. A step reads what earlier steps made
 * (clients, services…) from the database, so it also works when those ran in an earlier `npm run demo`.
 */
export type DemoStep = { name: string; run(c: DemoContext): Promise<void> };

/**
 * The steps after the foundation (business, stores, staff), in dependency order. A new module adds its
 * demo data with one step here that calls the module's own seed function with `c.tx`.
 */
export const demoSteps: DemoStep[] = [
  { name: 'team', run: team },
  { name: 'catalog', run: catalog },
  { name: 'rosters', run: rosters },
  { name: 'clients', run: clients },
  { name: 'appointments', run: appointments },
  { name: 'ledgers', run: ledgers },
  { name: 'sales', run: sales },
  { name: 'packages', run: packages },
];

const FOUNDATION = 'foundation';
/** Steps that run before every demo person exists. */
const PARTIAL = new Set([FOUNDATION, 'team']);

export type DemoResult =
  | { status: 'refused'; businessName: string }
  | {
      status: 'created' | 'extended' | 'unchanged';
      stepsRun: string[];
      notes: string[];
      /** Wall-clock milliseconds of each step run, and of the whole command. */
      timings: Array<{ step: string; ms: number }>;
      totalMs: number;
    };

export type DemoDeps = Pick<Deps, 'database' | 'clock' | 'secrets'> & { settings?: Pick<Deps['settings'], 'photoDir'> };

/** Creates (or completes) the demo business. Refuses, changing nothing, when a real business is here. */
export async function createDemo(deps: DemoDeps): Promise<DemoResult> {
  const started = performance.now();
  const db = deps.database.db;
  const business = await db.selectFrom('business').select(['name']).executeTakeFirst();
  if (business && !(await isDemoBusiness(db))) return { status: 'refused', businessName: business.name };

  const stepsRun: string[] = [];
  const notes: string[] = [];
  const timings: Array<{ step: string; ms: number }> = [];
  if (!business) {
    const created = await createBusiness(db, deps.clock.now());
    if (!created) {
      // Someone set up this database between our check and our write: re-check who won.
      const now = await db.selectFrom('business').select(['name']).executeTakeFirstOrThrow();
      if (!(await isDemoBusiness(db))) return { status: 'refused', businessName: now.name };
    } else {
      stepsRun.push('business');
      timings.push({ step: 'business', ms: performance.now() - started });
    }
  }

  const done = new Set(
    (await db.selectFrom('audit_log').select('entity_id').where('action', '=', 'demo.step').execute()).map((r) => r.entity_id),
  );
  const cipher = createFieldCipher(deps.secrets.fieldKey);
  const photoDir = deps.settings?.photoDir;
  const all: DemoStep[] = [{ name: FOUNDATION, run: foundation }, ...demoSteps];
  for (const step of all) {
    if (done.has(step.name)) continue;
    const stepStarted = performance.now();
    const owner = (await findStaffByEmail(db, DEMO_STAFF.owner.email))!;
    const now = deps.clock.now();
    const audit: AuditContext = { actorId: owner.id, ip: null, requestId: null, now };
    await withTransaction(db, async ({ tx }) => {
      const ctx = await loadContext(tx, audit, PARTIAL.has(step.name), (line) => notes.push(line));
      await step.run({ ...ctx, cipher, photoDir });
      await writeAudit(tx, audit, { action: 'demo.step', entityType: 'demo', entityId: step.name });
    });
    stepsRun.push(step.name);
    timings.push({ step: step.name, ms: performance.now() - stepStarted });
  }
  const status = stepsRun.includes('business') ? 'created' : stepsRun.length ? 'extended' : 'unchanged';
  return { status, stepsRun, notes, timings, totalMs: performance.now() - started };
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

/** The second store (CAD), one person per role, and terminal PINs for all. */
async function foundation(c: DemoContext): Promise<void> {
  const { tx, audit } = c;
  const richmond = await insertStore(tx, { ...DEMO_STORES.richmond, specialDates: [] }, DEMO_BUSINESS.currency, audit);
  const storeIds: Record<DemoStoreKey, string> = { flushing: c.stores.flushing.id, richmond: richmond.id };
  const [ownerPin] = await Promise.all([
    hashSecret(DEMO_STAFF.owner.pin),
    addPeople(
      c,
      FOUNDATION_STAFF.filter((k) => k !== 'owner'),
      storeIds,
    ),
  ]);
  // The owner came from the setup wizard, which asks for no PIN. (staff/index.ts exports no
  // transaction-level PIN setter; this is the same write and audit row as PUT /staff/:id/pin.)
  await tx.updateTable('staff').set({ pin_hash: ownerPin, updated_at: c.now }).where('id', '=', c.staff.owner.id).execute();
  await writeAudit(tx, audit, { action: 'staff.pin_set', entityType: 'staff', entityId: c.staff.owner.id });
  // Setup signed the owner in; nobody holds that session's token, so close it.
  await revokeSessionsOfStaff(tx, c.staff.owner.id, c.now);
  c.note(`2 stores, ${FOUNDATION_STAFF.length} staff (one per role)`);
}

/** Staff members with the demo password and their PINs. */
async function addPeople(c: DemoContext, keys: readonly DemoStaffKey[], storeIds: Record<DemoStoreKey, string>): Promise<void> {
  const people: DemoPerson[] = keys.map((k) => DEMO_STAFF[k]);
  const [passwordHash, ...pinHashes] = await Promise.all([hashSecret(DEMO_PASSWORD), ...people.map((p) => hashSecret(p.pin))]);
  for (const [i, p] of people.entries()) {
    await insertStaff(
      c.tx,
      {
        name: p.name,
        displayName: p.displayName,
        email: p.email,
        role: p.role,
        storeIds: p.stores.map((s) => storeIds[s]),
        language: p.language,
        passwordHash,
        pinHash: pinHashes[i]!,
      },
      c.audit,
    );
  }
}

async function loadContext(
  tx: Tx,
  audit: AuditContext,
  partial: boolean,
  note: (line: string) => void,
): Promise<Omit<DemoContext, 'cipher' | 'photoDir'>> {
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
// The module steps: each calls the module's own seed function, reading what earlier steps made.

const storeIdsOf = (c: DemoContext) => [c.stores.flushing.id, c.stores.richmond.id];

/** A demo store's technicians, in turn-list order (the order of DEMO_STAFF). */
function techniciansOf(c: DemoContext, store: DemoStoreKey): string[] {
  return (Object.keys(DEMO_STAFF) as DemoStaffKey[])
    .map((k) => c.staff[k])
    .filter((s) => s.role === 'technician' && s.storeIds.includes(c.stores[store].id))
    .map((s) => s.id);
}

/** The demo's clients, oldest card first (ids are time-ordered). */
async function clientIdsOf(c: DemoContext): Promise<string[]> {
  const rows = await c.tx
    .selectFrom('clients')
    .select('id')
    .where('archived', '=', 0)
    .where('merged_into_id', 'is', null)
    .orderBy('id')
    .execute();
  return rows.map((r) => r.id);
}

/** Four more technicians in each store, so the calendar has columns to fill. */
async function team(c: DemoContext): Promise<void> {
  const missing = (Object.keys(DEMO_STAFF) as DemoStaffKey[]).filter((k) => !c.staff[k]);
  await addPeople(c, missing, { flushing: c.stores.flushing.id, richmond: c.stores.richmond.id });
  c.note(`${missing.length} more technicians (5 per store)`);
}

async function catalog(c: DemoContext): Promise<void> {
  const staffByStore = {
    [c.stores.flushing.id]: techniciansOf(c, 'flushing'),
    [c.stores.richmond.id]: techniciansOf(c, 'richmond'),
  };
  const r = await seedDemoCatalog(c.tx, { storeIds: storeIdsOf(c), staffByStore, now: c.now });
  const n = (o: object) => Object.keys(o).length;
  c.note(
    `catalog: ${n(r.serviceIds)} services in ${n(r.categoryIds)} categories, ${n(r.addOnIds)} add-ons, ` +
      `${n(r.productIds)} products, ${r.resourceIdsByStore[c.stores.flushing.id]?.length ?? 0} rooms and chairs per store`,
  );
}

async function rosters(c: DemoContext): Promise<void> {
  let exceptions = 0;
  for (const store of ['flushing', 'richmond'] as const) {
    const r = await seedDemoRosters(c.tx, { storeId: c.stores[store].id, staffIds: techniciansOf(c, store), now: c.now });
    exceptions += r.exceptions;
  }
  c.note(`rosters: weekly hours for every technician, ${exceptions} time-off and shift changes, a team meeting next week`);
}

async function clients(c: DemoContext): Promise<void> {
  const { clientIds } = await seedDemoClients(c.tx, { storeIds: storeIdsOf(c), now: c.now, count: 300, cipher: c.cipher });
  c.note(`${clientIds.length} clients (English and Chinese names, consents, birthdays, a few health notes)`);
}

async function appointments(c: DemoContext): Promise<void> {
  const clientIds = await clientIdsOf(c);
  const { appointmentIds } = await seedDemoAppointments(c.tx, { storeIds: storeIdsOf(c), clientIds, now: c.now, visitsPerDay: 40 });
  c.note(`${appointmentIds.length} appointments from 3 days ago to 3 days ahead`);
}

async function ledgers(c: DemoContext): Promise<void> {
  const clientIds = await clientIdsOf(c);
  const facial = await c.tx.selectFrom('services').select('id').where('name', '=', 'Signature Facial').executeTakeFirst();
  const r = await seedDemoLedgers(c.tx, {
    storeIds: storeIdsOf(c),
    clientIds,
    now: c.now,
    actorId: c.staff.owner.id,
    birthdayServiceId: facial?.id ?? null,
  });
  c.note(
    `loyalty: ${r.tierIds.length} tiers, ${r.couponIds.length} coupons, ${r.wallets} stored-value wallets, ` +
      `${r.giftCards.length} gift cards, welcome points for ${r.pointsClients} clients`,
  );
}

async function sales(c: DemoContext): Promise<void> {
  const clientIds = await clientIdsOf(c);
  const r = await seedDemoSales(c.tx, {
    storeIds: storeIdsOf(c),
    now: c.now,
    clientIds,
    actorId: c.staff.manager.id,
    receiptPrefixes: { [c.stores.flushing.id]: 'FLU', [c.stores.richmond.id]: 'RMD' },
  });
  c.note(`${r.saleIds.length} sales over the last 4 weeks (${r.refunds} refunds, ${r.voids} voids), ${r.shifts} closed drawer shifts`);
}

async function packages(c: DemoContext): Promise<void> {
  // Four Flushing clients: two buyers, and a family (same surname) sharing a massage card.
  const rows = await c.tx
    .selectFrom('clients')
    .select(['id', 'last_name'])
    .where('home_store_id', '=', c.stores.flushing.id)
    .where('archived', '=', 0)
    .where('merged_into_id', 'is', null)
    .orderBy('id')
    .execute();
  const family = rows.flatMap((a, i) =>
    rows
      .slice(i + 1, i + 40)
      .filter((b) => b.last_name === a.last_name)
      .map((b) => [a.id, b.id]),
  )[0];
  const others = rows.map((r) => r.id).filter((id) => !family?.includes(id));
  const clientIds = [...others.slice(0, 2), ...(family ?? others.slice(2, 4))];
  const r = await seedDemoPackages(c.tx, {
    storeIds: storeIdsOf(c),
    technicianIds: techniciansOf(c, 'flushing'),
    clientIds,
    now: c.now,
    cipher: c.cipher,
    photoDir: c.photoDir,
    actorId: c.staff.owner.id,
  });
  c.note(
    `packages: ${r.templateIds.length} package templates, ${r.packageIds.length} packages in use, ` +
      `${r.recordIds.length} treatment records${r.photos ? `, ${r.photos} before/after photos` : ''}`,
  );
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
    const took = `${(result.totalMs / 1000).toFixed(1)} s`;
    if (result.status === 'created') console.log(`Created the demo business "${DEMO_BUSINESS.name}" in ${took}:`);
    else if (result.status === 'extended')
      console.log(`The demo business is already here; added: ${result.stepsRun.join(', ')} (${took}):`);
    else console.log(`The demo business "${DEMO_BUSINESS.name}" is already here and complete; nothing to do.`);
    for (const line of result.notes) console.log(`  - ${line}`);
    if (result.timings.length)
      console.log(`  (time per step: ${result.timings.map((t) => `${t.step} ${(t.ms / 1000).toFixed(1)} s`).join(', ')})`);
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
