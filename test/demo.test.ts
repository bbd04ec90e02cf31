import { Temporal } from 'temporal-polyfill';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildApp } from '../src/server/app.js';
import { DEMO_PASSWORD, DEMO_STAFF, type DemoContext, demo, demoSteps } from '../src/server/cli/demo.js';
import { type Config, loadConfig } from '../src/server/config.js';
import { openRuntime } from '../src/server/main.js';
import { runSetup } from '../src/server/modules/setup/index.js';
import { SETUP_BODY, Session } from './support/app.js';
import { createTestTarget, type TestTarget } from './support/db.js';

/** Runs `npm run demo` in-process and returns its exit code and what it printed. */
async function runDemo(config: Config) {
  const out: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...a) => void out.push(a.join(' ')));
  const err = vi.spyOn(console, 'error').mockImplementation((...a) => void out.push(a.join(' ')));
  try {
    const code = await demo(config, [], openRuntime);
    return { code, output: out.join('\n') };
  } finally {
    log.mockRestore();
    err.mockRestore();
  }
}

async function counts(config: Config) {
  const deps = await openRuntime(config);
  try {
    const db = deps.database.db;
    const count = async (
      table: 'services' | 'clients' | 'appointments' | 'sales' | 'client_packages' | 'treatment_records' | 'gift_cards',
    ) =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    return {
      businesses: (await db.selectFrom('business').select('name').execute()).map((b) => b.name),
      stores: await db.selectFrom('stores').select(['name', 'time_zone', 'currency']).orderBy('name').execute(),
      staff: await db.selectFrom('staff').select(['email', 'role', 'pin_hash']).orderBy('email').execute(),
      services: await count('services'),
      clients: await count('clients'),
      appointments: await count('appointments'),
      sales: await count('sales'),
      packages: await count('client_packages'),
      records: await count('treatment_records'),
      giftCards: await count('gift_cards'),
    };
  } finally {
    await deps.database.close();
  }
}

describe('npm run demo', () => {
  let target: TestTarget;
  let config: Config;
  beforeAll(async () => {
    target = await createTestTarget();
    config = loadConfig({ ...target.env, LOG_LEVEL: 'silent' });
  });
  afterAll(() => target.destroy());

  it('creates Lotus Nail & Spa: two stores, a team, catalog, clients, a week of appointments, sales, loyalty, packages', async () => {
    const { code, output } = await runDemo(config);
    expect(code).toBe(0);
    expect(output).toContain('owner@lotus.example');
    expect(output).toContain('kevin@lotus.example');
    expect(output).toContain(DEMO_PASSWORD);
    expect(output).toMatch(/Created the demo business "Lotus Nail & Spa" in \d+\.\d s/);
    expect(output).toMatch(/time per step: .*catalog .*clients .*appointments .*sales/);

    const c = await counts(config);
    expect(c.businesses).toEqual(['Lotus Nail & Spa']);
    expect(c.stores).toEqual([
      { name: 'Lotus Flushing', time_zone: 'America/New_York', currency: 'USD' },
      { name: 'Lotus Richmond', time_zone: 'America/Vancouver', currency: 'CAD' },
    ]);
    expect(c.staff).toHaveLength(Object.keys(DEMO_STAFF).length);
    expect(new Set(c.staff.map((s) => s.role))).toEqual(new Set(['owner', 'manager', 'front_desk', 'technician', 'accountant']));
    expect(c.staff.filter((s) => s.role === 'technician')).toHaveLength(10);
    expect(c.staff.every((s) => s.pin_hash !== null)).toBe(true);
    expect(c.services).toBeGreaterThanOrEqual(15);
    expect(c.clients).toBe(300);
    expect(c.appointments).toBeGreaterThan(100);
    expect(c.sales).toBeGreaterThan(200);
    expect(c.packages).toBe(3);
    expect(c.records).toBeGreaterThan(10);
    expect(c.giftCards).toBe(8);

    // Health notes are stored encrypted, never as readable JSON.
    const deps = await openRuntime(config);
    try {
      const health = await deps.database.db.selectFrom('clients').select('health').where('health', 'is not', null).execute();
      expect(health.length).toBeGreaterThan(0);
      expect(health.every((h) => h.health!.startsWith('v1.'))).toBe(true);
      // Each store prints receipts with its own prefix.
      const receipts = await deps.database.db
        .selectFrom('sales')
        .innerJoin('stores', 'stores.id', 'sales.store_id')
        .select(['stores.name', 'sales.receipt_code'])
        .where('sales.receipt_code', 'is not', null)
        .execute();
      const prefixes = new Set(receipts.map((r) => `${r.name} ${r.receipt_code!.split('-')[0]}`));
      expect([...prefixes].sort()).toEqual(['Lotus Flushing FLU', 'Lotus Richmond RMD']);
    } finally {
      await deps.database.close();
    }
  }, 180_000);

  it('lets the demo people sign in through the API, each seeing their stores', async () => {
    const deps = await openRuntime(config);
    const app = await buildApp(deps);
    try {
      const owner = new Session(app);
      const login = await owner.login('owner@lotus.example', DEMO_PASSWORD);
      expect(login.statusCode).toBe(200);
      const me = (await owner.get('/api/v1/me')).json();
      expect(me.staff).toMatchObject({ email: 'owner@lotus.example', role: 'owner' });
      expect(me.business.name).toBe('Lotus Nail & Spa');
      expect(me.stores.map((s: { name: string }) => s.name)).toEqual(['Lotus Flushing', 'Lotus Richmond']);

      const tech = new Session(app);
      expect((await tech.login('tech2@lotus.example', DEMO_PASSWORD)).statusCode).toBe(200);
      const techMe = (await tech.get('/api/v1/me')).json();
      expect(techMe.staff.role).toBe('technician');
      expect(techMe.stores).toEqual([expect.objectContaining({ name: 'Lotus Richmond', currency: 'CAD', timeZone: 'America/Vancouver' })]);

      // What a first look at the product shows: the services, this week's calendar in both stores, clients.
      const services = (await owner.get('/api/v1/services')).json();
      expect(services.data.map((s: { name: string }) => s.name)).toEqual(expect.arrayContaining(['Gel Manicure', 'Signature Facial']));
      for (const store of me.stores as Array<{ id: string; timeZone: string }>) {
        const today = Temporal.Now.plainDateISO(store.timeZone);
        const week = await owner.get(
          `/api/v1/appointments?storeId=${store.id}&from=${today.subtract({ days: 3 })}&to=${today.add({ days: 3 })}&limit=200`,
        );
        expect(week.statusCode).toBe(200);
        const visits = week.json().data as Array<{ status: string; start: string }>;
        expect(visits.length).toBeGreaterThan(20);
        expect(visits.some((v) => v.status === 'completed')).toBe(true);
        expect(visits.some((v) => ['booked', 'confirmed'].includes(v.status))).toBe(true);
      }
      const clients = await owner.get('/api/v1/clients?limit=5');
      expect(clients.json().data).toHaveLength(5);

      const lily = new Session(app);
      expect((await lily.login('lily@lotus.example', DEMO_PASSWORD)).statusCode).toBe(200);
      expect((await lily.get('/api/v1/me')).json().stores.map((s: { name: string }) => s.name)).toEqual(['Lotus Flushing']);
    } finally {
      await app.close();
      await deps.database.close();
    }
  });

  it('is harmless to run again', async () => {
    const before = await counts(config);
    const { code, output } = await runDemo(config);
    expect(code).toBe(0);
    expect(output).toMatch(/already here/);
    expect(await counts(config)).toEqual(before);
  });

  describe('extension steps', () => {
    const seen: DemoContext[] = [];
    const step = { name: 'test-extension', run: async (c: DemoContext) => void seen.push(c) };
    afterEach(() => {
      const i = demoSteps.indexOf(step);
      if (i >= 0) demoSteps.splice(i, 1);
    });

    it('runs a step added later exactly once on an existing demo, with the demo ids at hand', async () => {
      demoSteps.push(step);
      const first = await runDemo(config);
      expect(first.code).toBe(0);
      expect(first.output).toContain('added: test-extension');
      expect(seen).toHaveLength(1);
      const c = seen[0]!;
      expect(c.business.name).toBe('Lotus Nail & Spa');
      expect(c.stores.richmond).toMatchObject({ name: 'Lotus Richmond', currency: 'CAD' });
      expect(c.staff.techRichmond.storeIds).toEqual([c.stores.richmond.id]);
      expect(c.audit.actorId).toBe(c.staff.owner.id);
      expect(c.cipher.decrypt(c.cipher.encrypt('latex allergy'))).toBe('latex allergy');

      const second = await runDemo(config);
      expect(second.code).toBe(0);
      expect(seen).toHaveLength(1);
    });

    it('rolls a failing step back and retries it next time', async () => {
      let fail = true;
      const flaky = {
        name: 'test-flaky',
        run: async (c: DemoContext) => {
          await c.tx.updateTable('business').set({ name: 'half-written' }).execute();
          if (fail) throw new Error('boom');
        },
      };
      demoSteps.push(flaky);
      try {
        await expect(runDemo(config)).rejects.toThrow('boom');
        expect((await counts(config)).businesses).toEqual(['Lotus Nail & Spa']);
        fail = false;
        flaky.run = async () => {};
        expect((await runDemo(config)).output).toContain('added: test-flaky');
      } finally {
        demoSteps.splice(demoSteps.indexOf(flaky), 1);
      }
    });
  });
});

describe('npm run demo on a demo made by an older version', () => {
  let target: TestTarget;
  let config: Config;
  beforeAll(async () => {
    target = await createTestTarget();
    config = loadConfig({ ...target.env, LOG_LEVEL: 'silent' });
  });
  afterAll(() => target.destroy());

  it('adds the team and every module’s data, once, to a demo that has only the foundation', async () => {
    const later = demoSteps.splice(0, demoSteps.length);
    try {
      expect((await runDemo(config)).code).toBe(0);
    } finally {
      demoSteps.push(...later);
    }
    const old = await counts(config);
    expect(old.staff).toHaveLength(6);
    expect(old.clients).toBe(0);

    const { code, output } = await runDemo(config);
    expect(code).toBe(0);
    expect(output).toContain(`added: ${later.map((s) => s.name).join(', ')}`);
    const now = await counts(config);
    expect(now.staff).toHaveLength(Object.keys(DEMO_STAFF).length);
    expect(now.clients).toBe(300);
    expect(now.appointments).toBeGreaterThan(100);
    expect(now.sales).toBeGreaterThan(200);

    expect((await runDemo(config)).output).toMatch(/complete; nothing to do/);
    expect(await counts(config)).toEqual(now);
  }, 180_000);
});

describe('npm run demo on a database with a real business', () => {
  let target: TestTarget;
  let config: Config;
  beforeAll(async () => {
    target = await createTestTarget();
    config = loadConfig({ ...target.env, LOG_LEVEL: 'silent' });
    const deps = await openRuntime(config);
    try {
      await runSetup(
        deps.database.db,
        { ...SETUP_BODY, business: { ...SETUP_BODY.business, name: 'Jade Beauty Bar' } } as Parameters<typeof runSetup>[1],
        { actorId: null, ip: null, requestId: null, now: Date.now() },
        { ip: null, userAgent: null },
      );
    } finally {
      await deps.database.close();
    }
  });
  afterAll(() => target.destroy());

  it('refuses clearly and changes nothing', async () => {
    const before = await counts(config);
    const { code, output } = await runDemo(config);
    expect(code).toBe(1);
    expect(output).toContain('"Jade Beauty Bar"');
    expect(output).toMatch(/not the demo/);
    expect(output).toMatch(/Nothing was changed/);
    expect(await counts(config)).toEqual(before);
    expect(before.staff).toHaveLength(1);
  });
});
