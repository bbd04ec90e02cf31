import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFieldCipher } from '../src/server/platform/crypto.js';
import { addStaff, createTestApp, expectProblem, type Session, setUpBusiness, type TestApp } from './support/app.js';

const HEALTH = {
  allergies: 'Latex',
  conditions: 'Eczema',
  medications: 'Blood thinners',
  skinType: 'sensitive',
  contraindications: 'No hot stones',
};

describe('client health data: encrypted, role-gated, audited', () => {
  let t: TestApp;
  let owner: Session;
  let manager: Session;
  let tech: Session;
  let desk: Session;
  let accountant: Session;
  let ids: { manager: string; tech: string; desk: string };
  let client: { id: string; version: number; health?: unknown };

  const auditRows = (action: string, entityId: string) =>
    t.db.db.selectFrom('audit_log').selectAll().where('action', '=', action).where('entity_id', '=', entityId).orderBy('id').execute();

  beforeAll(async () => {
    t = await createTestApp();
    const b = await setUpBusiness(t);
    owner = b.owner;
    const m = await addStaff(t, owner, { role: 'manager', storeIds: [b.storeId], email: 'manager@lotus.test' });
    const te = await addStaff(t, owner, { role: 'technician', storeIds: [b.storeId], email: 'tech@lotus.test' });
    const d = await addStaff(t, owner, { role: 'front_desk', storeIds: [b.storeId], email: 'desk@lotus.test' });
    accountant = (await addStaff(t, owner, { role: 'accountant', storeIds: [b.storeId], email: 'acct@lotus.test' })).session;
    manager = m.session;
    tech = te.session;
    desk = d.session;
    ids = { manager: m.staff.id, tech: te.staff.id, desk: d.staff.id };
    const res = await owner.post('/api/v1/clients', {
      firstName: 'Hana',
      lastName: 'Sato',
      health: HEALTH,
      preferences: { allergyReminder: 'Latex: nitrile gloves' },
    });
    expect(res.statusCode, res.body).toBe(201);
    client = res.json();
  });
  afterAll(() => t.close());

  it('stores health data encrypted, bound to the client', async () => {
    expect(client.health).toEqual(HEALTH);
    const row = await t.db.db.selectFrom('clients').select(['health']).where('id', '=', client.id).executeTakeFirstOrThrow();
    expect(row.health).toMatch(/^v1\./);
    expect(row.health).not.toContain('Latex');
    const cipher = createFieldCipher(t.deps.secrets.fieldKey);
    expect(JSON.parse(cipher.decrypt(row.health!, `clients:${client.id}:health`))).toEqual(HEALTH);
    expect(() => cipher.decrypt(row.health!, 'clients:someone-else:health')).toThrow();
    const audit = await t.db.db.selectFrom('audit_log').select(['before', 'after']).where('entity_id', '=', client.id).execute();
    expect(JSON.stringify(audit)).not.toMatch(/Latex|Eczema|thinners|hot stones/);
    expect(await auditRows('client.health_write', client.id)).toHaveLength(1);
  });

  it('shows health to technician and manager, and audits each read', async () => {
    for (const [session, staffId] of [
      [tech, ids.tech],
      [manager, ids.manager],
    ] as const) {
      const before = (await auditRows('client.health_read', client.id)).length;
      const res = await session.get(`/api/v1/clients/${client.id}`);
      expect(res.statusCode).toBe(200);
      expect(res.json().health).toEqual(HEALTH);
      const rows = await auditRows('client.health_read', client.id);
      expect(rows).toHaveLength(before + 1);
      expect(rows.at(-1)).toMatchObject({ actor_id: staffId, entity_type: 'client' });
    }
  });

  it('omits health for front desk and accountant — no error, no key, no audit', async () => {
    const before = (await auditRows('client.health_read', client.id)).length;
    for (const session of [desk, accountant]) {
      const res = await session.get(`/api/v1/clients/${client.id}`);
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body).not.toHaveProperty('health');
      expect(res.body).not.toMatch(/Eczema|thinners/);
      // The allergy reminder is not health data: it is shown on every appointment.
      expect(body.preferences.allergyReminder).toBe('Latex: nitrile gloves');
    }
    expect(await auditRows('client.health_read', client.id)).toHaveLength(before);
    const search = await tech.get('/api/v1/clients?q=hana');
    expect(search.json().data[0]).not.toHaveProperty('health');
  });

  it('lets only clients.health roles write health data', async () => {
    expectProblem(
      await desk.patch(`/api/v1/clients/${client.id}`, { version: client.version, health: { allergies: 'None' } }),
      403,
      'forbidden',
    );
    expectProblem(await desk.post('/api/v1/clients', { firstName: 'X', health: { allergies: 'Nuts' } }), 403, 'forbidden');
    const ok = await manager.patch(`/api/v1/clients/${client.id}`, { version: client.version, health: { allergies: 'Latex, nuts' } });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().health).toEqual({ allergies: 'Latex, nuts' });
    const erased = await manager.patch(`/api/v1/clients/${client.id}`, { version: ok.json().version, health: null });
    expect(erased.json().health).toBeNull();
    const writes = await auditRows('client.health_write', client.id);
    expect(writes).toHaveLength(3);
    expect(JSON.parse(writes.at(-1)!.after!)).toMatchObject({ erased: true });
    expect(JSON.stringify(writes)).not.toMatch(/nuts/);
    // Editing other fields as front desk keeps the health data untouched.
    const again = await manager.patch(`/api/v1/clients/${client.id}`, { version: erased.json().version, health: HEALTH });
    const deskEdit = await desk.patch(`/api/v1/clients/${client.id}`, { version: again.json().version, preferredName: 'Hanako' });
    expect(deskEdit.statusCode).toBe(200);
    expect((await tech.get(`/api/v1/clients/${client.id}`)).json().health).toEqual(HEALTH);
  });
});
