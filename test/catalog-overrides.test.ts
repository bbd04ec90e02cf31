import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTransaction } from '../src/server/db/tx.js';
import { getAddOns, getEffectiveProducts, getEffectiveServices, seedDemoCatalog } from '../src/server/modules/catalog/index.js';
import { addStaff, createTestApp, type Session, setUpBusiness, type TestApp } from './support/app.js';

const V1 = '/api/v1';

async function openStore(owner: Session, name: string, timeZone = 'America/Vancouver') {
  const res = await owner.post(`${V1}/stores`, { name, timeZone });
  if (res.statusCode !== 201) throw new Error(`store: ${res.statusCode} ${res.body}`);
  return res.json().id as string;
}

describe('catalog: HQ values with per-store overrides and locks', () => {
  let t: TestApp;
  let owner: Session;
  let storeA: string;
  let storeB: string;
  let managerA: Session;
  let frontDesk: Session;
  let tech: string;
  let service: { id: string; version: number };
  let product: { id: string; version: number };

  const overrideAudits = (entityId: string) =>
    t.db.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'catalog.override.set')
      .where('entity_id', '=', entityId)
      .orderBy('id')
      .execute();

  beforeAll(async () => {
    t = await createTestApp();
    const biz = await setUpBusiness(t);
    owner = biz.owner;
    storeA = biz.storeId;
    storeB = await openStore(owner, 'Richmond');
    managerA = (await addStaff(t, owner, { role: 'manager', storeIds: [storeA], email: 'manager.a@lotus.test' })).session;
    frontDesk = (await addStaff(t, owner, { role: 'front_desk', storeIds: [storeA], email: 'desk@lotus.test' })).session;
    tech = (await addStaff(t, owner, { role: 'technician', storeIds: [storeA, storeB], email: 'amy@lotus.test' })).staff.id;
    service = (
      await owner.post(`${V1}/services`, {
        name: 'Signature Facial',
        nameTranslations: { 'zh-CN': '招牌面部护理', 'zh-TW': '招牌臉部護理' },
        durationMin: 60,
        processingStartMin: 35,
        processingMin: 15,
        price: 9500,
        resourceType: 'room',
        staff: [{ staffId: tech }],
      })
    ).json();
    product = (
      await owner.post(`${V1}/products`, {
        sku: 'MASK-1',
        name: 'Sheet Mask',
        price: 800,
        cost: 200,
        usage: 'both',
        unit: 'piece',
        size: 1,
      })
    ).json();
  });
  afterAll(() => t.close());

  it('applies a store manager’s override at that store only, with markers and HQ values', async () => {
    const put = await managerA.put(`${V1}/services/${service.id}/overrides/${storeA}`, { price: 10500, durationMin: 75 });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toMatchObject({
      storeId: storeA,
      price: 10500,
      durationMin: 75,
      available: true,
      overridden: { price: true, duration: true, available: false },
      hq: { price: 9500, durationMin: 60 },
    });

    const atA = (await frontDesk.get(`${V1}/services?storeId=${storeA}`, { 'accept-language': 'zh-CN' })).json().data;
    expect(atA).toHaveLength(1);
    expect(atA[0]).toMatchObject({
      displayName: '招牌面部护理',
      price: 10500,
      durationMin: 75,
      overridden: { price: true, duration: true },
    });
    const atB = (await owner.get(`${V1}/services?storeId=${storeB}`)).json().data;
    expect(atB[0]).toMatchObject({ price: 9500, durationMin: 60, overridden: { price: false, duration: false, available: false } });
    const hq = (await owner.get(`${V1}/services/${service.id}`)).json();
    expect(hq).toMatchObject({ price: 9500, durationMin: 60 });
    expect(hq.overrides).toEqual([{ storeId: storeA, price: 10500, durationMin: 75, available: null }]);
    expect((await managerA.get(`${V1}/services/${service.id}`)).json().overrides).toHaveLength(1);

    const eff = (await getEffectiveServices(t.db.db, storeA, [service.id])).get(service.id)!;
    expect(eff).toMatchObject({ price: 10500, durationMin: 75, processing: { startMin: 35, lengthMin: 15 }, resourceType: 'room' });
    expect(eff.staff).toEqual([{ staffId: tech, price: 10500, durationMin: 75, ownPrice: false, ownDuration: false }]);
    expect((await getEffectiveServices(t.db.db, storeB, [service.id])).get(service.id)).toMatchObject({ price: 9500, durationMin: 60 });

    const [row] = await overrideAudits(service.id);
    expect(row).toMatchObject({ store_id: storeA, entity_type: 'service' });
    expect(JSON.parse(row!.before ?? 'null')).toBeNull();
    expect(JSON.parse(row!.after!)).toEqual({ price: 10500, durationMin: 75, available: null });
  });

  it('keeps a manager to their own stores and the front desk out', async () => {
    const other = await managerA.put(`${V1}/services/${service.id}/overrides/${storeB}`, { price: 1 });
    expect(other.statusCode).toBe(403);
    expect(other.json().code).toBe('store_forbidden');
    const desk = await frontDesk.put(`${V1}/services/${service.id}/overrides/${storeA}`, { price: 1 });
    expect(desk.statusCode).toBe(403);
    expect(desk.json().code).toBe('forbidden');
    // A manager overrides but does not edit HQ values.
    expect((await managerA.patch(`${V1}/services/${service.id}`, { version: 1, price: 1 })).statusCode).toBe(403);
    expect((await managerA.get(`${V1}/services?storeId=${storeB}`)).statusCode).toBe(403);
    expect((await owner.put(`${V1}/services/01900000-0000-7000-8000-000000000000/overrides/${storeA}`, { price: 1 })).statusCode).toBe(404);
  });

  it('refuses a field HQ locked (422 field_locked) and ignores an older override of it', async () => {
    const lock = await owner.patch(`${V1}/services/${service.id}`, { version: service.version, locks: ['price'] });
    expect(lock.statusCode).toBe(200);
    expect(lock.json().locks).toEqual(['price']);

    const refused = await managerA.put(
      `${V1}/services/${service.id}/overrides/${storeA}`,
      { price: 9900, durationMin: 75 },
      { 'accept-language': 'zh-TW' },
    );
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ code: 'field_locked', title: '總部已鎖定此欄位', errors: [{ path: 'price' }] });
    expect(refused.json().detail).toBe('總部已鎖定此項目的「價格」，門市不能修改。');

    // The stored price override no longer applies; the duration override still does.
    const atA = (await managerA.get(`${V1}/services/${service.id}?storeId=${storeA}`)).json();
    expect(atA).toMatchObject({ price: 9500, durationMin: 75, overridden: { price: false, duration: true } });
    expect((await getEffectiveServices(t.db.db, storeA, [service.id])).get(service.id)).toMatchObject({ price: 9500, durationMin: 75 });

    // Clearing the locked field is allowed.
    const ok = await managerA.put(`${V1}/services/${service.id}/overrides/${storeA}`, { durationMin: 75, price: null });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().overridden).toEqual({ price: false, duration: true, available: false });

    const lockAll = await owner.patch(`${V1}/services/${service.id}`, {
      version: lock.json().version,
      locks: ['price', 'duration', 'available'],
    });
    service = lockAll.json();
    for (const body of [{ durationMin: 90 }, { available: false }]) {
      const r = await managerA.put(`${V1}/services/${service.id}/overrides/${storeA}`, body);
      expect(r.statusCode).toBe(422);
      expect(r.json().code).toBe('field_locked');
    }
    service = (await owner.patch(`${V1}/services/${service.id}`, { version: service.version, locks: [] })).json();
  });

  it('hides a service a store made unavailable, there only', async () => {
    const off = await managerA.put(`${V1}/services/${service.id}/overrides/${storeA}`, { available: false });
    expect(off.json()).toMatchObject({ available: false, overridden: { available: true, duration: false } });
    expect((await frontDesk.get(`${V1}/services?storeId=${storeA}`)).json().data).toEqual([]);
    const shown = (await managerA.get(`${V1}/services?storeId=${storeA}&includeUnavailable=true`)).json().data;
    expect(shown.map((s: { id: string; available: boolean }) => [s.id, s.available])).toEqual([[service.id, false]]);
    expect((await owner.get(`${V1}/services?storeId=${storeB}`)).json().data).toHaveLength(1);
    expect((await getEffectiveServices(t.db.db, storeA, [service.id])).get(service.id)!.available).toBe(false);

    // HQ locking availability makes it show again everywhere.
    service = (await owner.patch(`${V1}/services/${service.id}`, { version: service.version, locks: ['available'] })).json();
    expect((await frontDesk.get(`${V1}/services?storeId=${storeA}`)).json().data).toHaveLength(1);
    service = (await owner.patch(`${V1}/services/${service.id}`, { version: service.version, locks: [] })).json();

    // An empty PUT removes the override.
    const cleared = await managerA.put(`${V1}/services/${service.id}/overrides/${storeA}`, {});
    expect(cleared.json()).toMatchObject({
      price: 9500,
      durationMin: 60,
      available: true,
      overridden: { price: false, duration: false, available: false },
    });
    expect((await owner.get(`${V1}/services/${service.id}`)).json().overrides).toEqual([]);
    const audits = await overrideAudits(service.id);
    expect(JSON.parse(audits.at(-1)!.after ?? 'null')).toBeNull();
    expect(JSON.parse(audits.at(-1)!.before!)).toEqual({ price: null, durationMin: null, available: false });
  });

  it('validates override values: durations in 5-minute steps that still hold the processing gap', async () => {
    const odd = await managerA.put(`${V1}/services/${service.id}/overrides/${storeA}`, { durationMin: 62 });
    expect(odd.statusCode).toBe(400);
    expect(odd.json().errors[0].path).toBe('durationMin');
    const short = await managerA.put(`${V1}/services/${service.id}/overrides/${storeA}`, { durationMin: 45 });
    expect(short.statusCode).toBe(400);
    expect(short.json().errors[0].path).toBe('durationMin');
    const neg = await managerA.put(`${V1}/services/${service.id}/overrides/${storeA}`, { price: -5, extra: 1 });
    expect(
      neg
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['extra', 'price']);
    expect((await managerA.put(`${V1}/services/${service.id}/overrides/${storeA}`, { durationMin: 55 })).statusCode).toBe(200);
    // HQ can no longer shorten the gap's room below a store's own duration.
    const shrinkGap = await owner.patch(`${V1}/services/${service.id}`, { version: service.version, processingStartMin: 45 });
    expect(shrinkGap.statusCode).toBe(400);
    expect(shrinkGap.json().errors[0].path).toBe(`overrides.${storeA}.durationMin`);
    await managerA.put(`${V1}/services/${service.id}/overrides/${storeA}`, {});
  });

  it("prices a technician's own price above the store's override", async () => {
    await owner.put(`${V1}/services/${service.id}/staff`, [{ staffId: tech, price: 12000 }]);
    await managerA.put(`${V1}/services/${service.id}/overrides/${storeA}`, { price: 10000 });
    const eff = (await getEffectiveServices(t.db.db, storeA, [service.id])).get(service.id)!;
    expect(eff.price).toBe(10000);
    expect(eff.staff).toEqual([{ staffId: tech, price: 12000, durationMin: 60, ownPrice: true, ownDuration: false }]);
    await managerA.put(`${V1}/services/${service.id}/overrides/${storeA}`, {});
  });

  it('overrides products the same way', async () => {
    const put = await managerA.put(`${V1}/products/${product.id}/overrides/${storeA}`, { price: 900 });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toMatchObject({ price: 900, available: true, overridden: { price: true, available: false }, hq: { price: 800 } });
    expect((await owner.get(`${V1}/products?storeId=${storeB}`)).json().data[0].price).toBe(800);
    expect((await getEffectiveProducts(t.db.db, storeA, [product.id])).get(product.id)).toMatchObject({
      price: 900,
      cost: 200,
      unit: 'piece',
      available: true,
    });
    expect((await managerA.put(`${V1}/products/${product.id}/overrides/${storeA}`, { durationMin: 30 })).statusCode).toBe(400);
    expect((await managerA.put(`${V1}/products/${product.id}/overrides/${storeB}`, { price: 1 })).statusCode).toBe(403);

    product = (await owner.patch(`${V1}/products/${product.id}`, { version: product.version, locks: ['available'] })).json();
    const locked = await managerA.put(`${V1}/products/${product.id}/overrides/${storeA}`, { price: 900, available: false });
    expect(locked.statusCode).toBe(422);
    expect(locked.json()).toMatchObject({ code: 'field_locked', errors: [{ path: 'available' }] });

    const hidden = await managerA.put(`${V1}/products/${product.id}/overrides/${storeA}`, { available: null, price: null });
    expect(hidden.json().overridden).toEqual({ price: false, available: false });
    product = (await owner.patch(`${V1}/products/${product.id}`, { version: product.version, locks: [] })).json();
    await managerA.put(`${V1}/products/${product.id}/overrides/${storeA}`, { available: false });
    expect((await frontDesk.get(`${V1}/products?storeId=${storeA}`)).json().data).toEqual([]);
    expect((await frontDesk.get(`${V1}/products?storeId=${storeA}&includeUnavailable=true`)).json().data).toHaveLength(1);
    expect((await overrideAudits(product.id)).length).toBe(3);
  });
});

describe('catalog: demo seed', () => {
  let t: TestApp;
  afterAll(() => t.close());

  it('creates a realistic trilingual nail & spa catalog for every store', async () => {
    t = await createTestApp();
    const { owner, storeId: storeA } = await setUpBusiness(t);
    const storeB = await openStore(owner, 'Vancouver Downtown');
    const techs = await Promise.all(
      ['a1', 'a2', 'a3', 'b1', 'b2'].map(
        async (n) =>
          (await addStaff(t, owner, { role: 'technician', storeIds: [n.startsWith('a') ? storeA : storeB], email: `${n}@lotus.test` }))
            .staff.id as string,
      ),
    );
    const staffByStore = { [storeA]: techs.slice(0, 3), [storeB]: techs.slice(3) };
    const demo = await withTransaction(t.db.db, ({ tx }) =>
      seedDemoCatalog(tx, { storeIds: [storeA, storeB], staffByStore, now: t.clock.now() }),
    );

    expect(Object.keys(demo.serviceIds)).toHaveLength(17);
    expect(Object.keys(demo.productIds)).toHaveLength(10);
    expect(demo.resourceIdsByStore[storeB]).toHaveLength(8);

    const zhTW = (await owner.get(`${V1}/services?storeId=${storeA}&limit=200`, { 'accept-language': 'zh-TW' })).json().data;
    expect(zhTW).toHaveLength(17);
    expect(zhTW.map((s: { displayName: string }) => s.displayName)).toContain('凝膠美甲');
    const cats = (await owner.get(`${V1}/service-categories`, { 'accept-language': 'zh-CN' })).json().data;
    expect(cats.map((c: { displayName: string }) => c.displayName)).toEqual(['手部美甲', '足部护理', '睫毛与眉部', '面部护理', '按摩']);

    // The second store hides hot stones and charges more for a Swedish massage.
    const atB = (await owner.get(`${V1}/services?storeId=${storeB}&limit=200`)).json().data;
    expect(atB).toHaveLength(16);
    expect(atB.find((s: { id: string }) => s.id === demo.serviceIds.swedish_massage)).toMatchObject({
      price: 10000,
      overridden: { price: true },
    });

    const eff = await getEffectiveServices(t.db.db, storeA, Object.values(demo.serviceIds));
    const pedi = eff.get(demo.serviceIds.spa_pedicure!)!;
    expect(pedi).toMatchObject({ resourceType: 'pedicure_chair', processing: { startMin: 30, lengthMin: 15 }, bufferAfterMin: 10 });
    expect(pedi.staff).toHaveLength(3);
    expect(eff.get(demo.serviceIds.swedish_massage!)!.staff.map((s) => s.staffId)).toEqual([techs[1]]);
    expect(eff.get(demo.serviceIds.gel_manicure!)!.staff.find((s) => s.staffId === techs[0])).toMatchObject({
      price: 4500,
      ownPrice: true,
    });
    const addOns = await getAddOns(t.db.db, Object.values(demo.addOnIds));
    expect(addOns.get(demo.addOnIds.paraffin!)).toMatchObject({ price: 1000, extraMin: 10 });
    expect(addOns.get(demo.addOnIds.paraffin!)!.serviceIds).toContain(demo.serviceIds.spa_pedicure);

    const backbar = (await owner.get(`${V1}/products?usage=backbar`)).json().data;
    expect(backbar.length).toBeGreaterThanOrEqual(5);
    expect(backbar.every((p: { unit: string | null }) => p.unit !== null)).toBe(true);
    const resources = (await owner.get(`${V1}/resources?storeId=${storeA}`)).json().data;
    expect(new Set(resources.map((r: { type: string }) => r.type))).toEqual(new Set(['pedicure_chair', 'room', 'bed']));
    // The locked classic manicure price refuses a store override.
    const locked = await owner.put(`${V1}/services/${demo.serviceIds.classic_manicure}/overrides/${storeA}`, { price: 1 });
    expect(locked.json().code).toBe('field_locked');
  });
});
