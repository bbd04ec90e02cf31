import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildApp } from '../src/server/app.js';
import { DEMO_PASSWORD, type DemoContext, demo, demoSteps } from '../src/server/cli/demo.js';
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
    return {
      businesses: (await db.selectFrom('business').select('name').execute()).map((b) => b.name),
      stores: await db.selectFrom('stores').select(['name', 'time_zone', 'currency']).orderBy('name').execute(),
      staff: await db.selectFrom('staff').select(['email', 'role', 'pin_hash']).execute(),
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

  it('creates Lotus Nail & Spa with two stores and one person per role on an empty database', async () => {
    const { code, output } = await runDemo(config);
    expect(code).toBe(0);
    expect(output).toContain('owner@lotus.example');
    expect(output).toContain(DEMO_PASSWORD);

    const c = await counts(config);
    expect(c.businesses).toEqual(['Lotus Nail & Spa']);
    expect(c.stores).toEqual([
      { name: 'Lotus Flushing', time_zone: 'America/New_York', currency: 'USD' },
      { name: 'Lotus Richmond', time_zone: 'America/Vancouver', currency: 'CAD' },
    ]);
    expect(c.staff.length).toBeGreaterThanOrEqual(5);
    expect(new Set(c.staff.map((s) => s.role))).toEqual(new Set(['owner', 'manager', 'front_desk', 'technician', 'accountant']));
    expect(c.staff.every((s) => s.pin_hash !== null)).toBe(true);
  });

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
