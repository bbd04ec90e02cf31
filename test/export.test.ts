import { parse } from 'csv-parse/sync';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLIENT_CSV_COLUMNS } from '../src/server/modules/clients/index.js';
import { addStaff, createTestApp, expectProblem, type Session, setUpBusiness, type TestApp } from './support/app.js';

describe('exports: clients CSV and the whole-business zip', () => {
  let t: TestApp;
  let owner: Session;
  let manager: Session;
  let desk: Session;
  let storeId: string;
  let techId: string;
  let mary: { id: string };

  beforeAll(async () => {
    t = await createTestApp();
    const b = await setUpBusiness(t);
    owner = b.owner;
    storeId = b.storeId;
    manager = (await addStaff(t, owner, { role: 'manager', storeIds: [storeId], email: 'manager@lotus.test' })).session;
    desk = (await addStaff(t, owner, { role: 'front_desk', storeIds: [storeId], email: 'desk@lotus.test', pin: '4821' })).session;
    techId = (await addStaff(t, owner, { role: 'technician', storeIds: [storeId], email: 'tech@lotus.test' })).staff.id;
    await owner.post('/api/v1/custom-fields', {
      key: 'likes',
      type: 'multi_choice',
      labels: { en: 'Likes' },
      options: [{ value: 'tea' }, { value: 'music' }],
    });
    await owner.post('/api/v1/custom-fields', { key: 'vip_card', type: 'yes_no', labels: { en: 'VIP card' } });
    mary = (
      await owner.post('/api/v1/clients', {
        firstName: 'Mary',
        lastName: "O'Brien, Jr.",
        phone: '(415) 555-0134',
        email: 'mary@example.com',
        birthday: { month: 4, day: 9, year: 1988 },
        gender: 'female',
        language: 'en',
        source: 'instagram',
        referrer: 'Anna "Nails" Lee',
        tags: ['VIP', 'Gel lover'],
        preferences: { favouriteStaffId: techId, pressure: 'firm', focusAreas: ['neck', 'feet'], allergyReminder: 'Latex\nuse nitrile' },
        customFields: { likes: ['tea', 'music'], vip_card: true },
        consent: { sms: true, email: false, wordingVersion: 'v3' },
        health: { allergies: 'Latex' },
      })
    ).json();
    await owner.post('/api/v1/clients', {
      firstName: '小明',
      lastName: '王',
      birthday: { month: 8, day: 15, lunar: true },
      language: 'zh-CN',
    });
    await owner.post(`/api/v1/clients/${mary.id}/notes`, { body: 'likes the window seat' });
  });
  afterAll(() => t.close());

  it('exports clients in the import template columns, round-trippable', async () => {
    const res = await manager.get('/api/v1/clients/export.csv');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="clients-2026-11-27\.csv"/);
    expect(res.body.startsWith('\ufeff')).toBe(true);
    const rows = parse(res.body, { bom: true }) as string[][];
    expect(rows[0]).toEqual([...CLIENT_CSV_COLUMNS, 'custom.likes', 'custom.vip_card']);
    const records = rows.slice(1).map((r) => Object.fromEntries(rows[0]!.map((h, i) => [h, r[i]])));
    expect(records).toHaveLength(2);
    const m = records.find((r) => r.client_id === mary.id)!;
    expect(m).toMatchObject({
      first_name: 'Mary',
      last_name: "O'Brien, Jr.",
      phone: '+14155550134',
      email: 'mary@example.com',
      birth_month: '4',
      birth_day: '9',
      birth_year: '1988',
      lunar_birthday: 'no',
      gender: 'female',
      language: 'en',
      source: 'instagram',
      referrer: 'Anna "Nails" Lee',
      home_store: 'flushing',
      tags: 'Gel lover;VIP',
      sms_consent: 'yes',
      sms_consent_at: '2026-11-27T15:00:00.000Z',
      sms_consent_wording: 'v3',
      email_consent: 'no',
      favourite_technician: 'tech@lotus.test',
      pressure: 'firm',
      focus_areas: 'neck;feet',
      allergy_reminder: 'Latex\nuse nitrile',
      'custom.likes': 'tea;music',
      'custom.vip_card': 'yes',
    });
    const w = records.find((r) => r.first_name === '小明')!;
    expect(w).toMatchObject({ last_name: '王', lunar_birthday: 'yes', birth_year: '', sms_consent: '', language: 'zh-CN' });
    expect(res.body).not.toContain('v1.'); // never health data, encrypted or not
    const audit = await t.db.db.selectFrom('audit_log').selectAll().where('action', '=', 'client.export').execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.after!)).toMatchObject({ count: 2 });
  });

  it('refuses the client export to roles without clients.export', async () => {
    expectProblem(await desk.get('/api/v1/clients/export.csv'), 403, 'forbidden');
  });

  it('exports every business table as CSV in a zip, owner only, without secrets', async () => {
    expectProblem(await manager.get('/api/v1/export/business.zip'), 403, 'forbidden');
    const res = await owner.get('/api/v1/export/business.zip');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    const files = unzipSync(new Uint8Array(res.rawPayload));
    const names = Object.keys(files).sort();
    for (const f of [
      'business.csv',
      'stores.csv',
      'staff.csv',
      'staff_stores.csv',
      'clients.csv',
      'client_notes.csv',
      'client_consents.csv',
      'tags.csv',
      'client_tags.csv',
      'custom_fields.csv',
      'client_custom_values.csv',
      'audit_log.csv',
      'manifest.json',
    ]) {
      expect(names, f).toContain(f);
    }
    for (const f of ['sessions.csv', 'kysely_migration.csv', 'client_search_terms.csv', 'rate_limits.csv']) expect(names).not.toContain(f);
    const csv = (name: string) => parse(strFromU8(files[name]!), { columns: true }) as Record<string, string>[];
    const staff = csv('staff.csv');
    expect(staff.length).toBe(4);
    expect(Object.keys(staff[0]!)).not.toEqual(expect.arrayContaining(['password_hash']));
    expect(Object.keys(staff[0]!)).not.toContain('pin_hash');
    expect(Object.keys(staff[0]!)).toContain('email');
    const all = Object.values(files)
      .map((f) => strFromU8(f))
      .join('\n');
    expect(all).not.toMatch(/\$argon2/); // no password or PIN hash anywhere
    const clients = csv('clients.csv');
    const row = clients.find((c) => c.id === mary.id)!;
    expect(row.health).toMatch(/^v1\./); // health stays encrypted
    expect(all).not.toMatch(/"?allergies"?:\s*"Latex/);
    expect(csv('client_notes.csv')[0]).toMatchObject({ client_id: mary.id, body: 'likes the window seat' });
    const manifest = JSON.parse(strFromU8(files['manifest.json']!));
    expect(manifest.tables.find((x: { name: string }) => x.name === 'clients')).toMatchObject({ rows: 2 });
    const audit = await t.db.db.selectFrom('audit_log').selectAll().where('action', '=', 'business.export').execute();
    expect(audit).toHaveLength(1);
  });
});
