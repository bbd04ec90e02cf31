import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getEffectiveServices, registerUsageCheck } from '../src/server/modules/catalog/index.js';
import { addStaff, createTestApp, type Session, setUpBusiness, type TestApp } from './support/app.js';

const V1 = '/api/v1';

describe('catalog: categories, services, add-ons, products, resources', () => {
  let t: TestApp;
  let owner: Session;
  let storeA: string;
  let storeB: string;
  let managerA: Session;
  let frontDesk: Session;
  let accountant: Session;
  let tech1: string; // works at A
  let tech2: string; // works at B
  let formerTech: string; // archived
  let categoryId: string;

  const audit = (action: string, entityId?: string) => {
    let q = t.db.db.selectFrom('audit_log').selectAll().where('action', '=', action);
    if (entityId) q = q.where('entity_id', '=', entityId);
    return q.orderBy('id').execute();
  };

  beforeAll(async () => {
    t = await createTestApp();
    const biz = await setUpBusiness(t);
    owner = biz.owner;
    storeA = biz.storeId;
    const b = await owner.post(`${V1}/stores`, { name: 'Richmond', timeZone: 'America/Vancouver', currency: 'CAD' });
    expect(b.statusCode).toBe(201);
    storeB = b.json().id;
    managerA = (await addStaff(t, owner, { role: 'manager', storeIds: [storeA], email: 'manager.a@lotus.test' })).session;
    frontDesk = (await addStaff(t, owner, { role: 'front_desk', storeIds: [storeA], email: 'desk@lotus.test' })).session;
    accountant = (await addStaff(t, owner, { role: 'accountant', storeIds: [storeA], email: 'books@lotus.test' })).session;
    tech1 = (await addStaff(t, owner, { role: 'technician', storeIds: [storeA], email: 'amy@lotus.test', name: 'Amy Chen' })).staff.id;
    tech2 = (await addStaff(t, owner, { role: 'technician', storeIds: [storeB], email: 'bo@lotus.test', name: 'Bo Li' })).staff.id;
    const gone = await addStaff(t, owner, { role: 'technician', storeIds: [storeA], email: 'left@lotus.test' });
    formerTech = gone.staff.id;
    expect((await owner.post(`${V1}/staff/${formerTech}/archive`)).statusCode).toBe(200);
  });
  afterAll(() => t.close());

  it('creates and edits categories; names follow Accept-Language', async () => {
    const res = await owner.post(`${V1}/service-categories`, {
      name: 'Manicures',
      nameTranslations: { 'zh-CN': '手部美甲', 'zh-TW': '手部美甲', en: '' },
      sortOrder: 10,
      color: '#E91E63',
    });
    expect(res.statusCode).toBe(201);
    const cat = res.json();
    categoryId = cat.id;
    expect(cat).toMatchObject({
      name: 'Manicures',
      displayName: 'Manicures',
      nameTranslations: { 'zh-CN': '手部美甲', 'zh-TW': '手部美甲' },
      sortOrder: 10,
      version: 1,
    });
    expect(cat.nameTranslations).not.toHaveProperty('en');

    const zh = await owner.get(`${V1}/service-categories`, { 'accept-language': 'zh-CN' });
    expect(zh.json().data.map((c: { displayName: string }) => c.displayName)).toEqual(['手部美甲']);

    const patched = await owner.patch(`${V1}/service-categories/${categoryId}`, { version: 1, sortOrder: 5 });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ sortOrder: 5, version: 2 });
    const stale = await owner.patch(`${V1}/service-categories/${categoryId}`, { version: 1, sortOrder: 6 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('stale_version');
  });

  let gelId: string;
  it('creates a service with translations, processing gap, staff and reads it in three languages', async () => {
    const res = await owner.post(`${V1}/services`, {
      name: 'Gel Manicure',
      nameTranslations: { 'zh-CN': '凝胶美甲', 'zh-TW': '凝膠美甲' },
      description: 'Long-lasting gel colour.',
      descriptionTranslations: { 'zh-CN': '持久凝胶色。', 'zh-TW': '持久凝膠色。' },
      categoryId,
      durationMin: 60,
      bufferAfterMin: 10,
      processingStartMin: 20,
      processingMin: 15,
      price: 4000,
      taxClass: 'service',
      color: '#FF00AA',
      resourceType: 'nail_station',
      staff: [{ staffId: tech1, price: 4500 }],
    });
    expect(res.statusCode).toBe(201);
    const s = res.json();
    gelId = s.id;
    expect(s).toMatchObject({
      name: 'Gel Manicure',
      displayName: 'Gel Manicure',
      categoryId,
      durationMin: 60,
      bufferBeforeMin: 0,
      bufferAfterMin: 10,
      processingStartMin: 20,
      processingMin: 15,
      price: 4000,
      onlineBookable: true,
      resourceType: 'nail_station',
      locks: [],
      staff: [{ staffId: tech1, price: 4500, durationMin: null }],
      addOnIds: [],
      archived: false,
      version: 1,
    });

    const tw = (await owner.get(`${V1}/services/${gelId}`, { 'accept-language': 'zh-TW' })).json();
    expect(tw).toMatchObject({ displayName: '凝膠美甲', displayDescription: '持久凝膠色。', name: 'Gel Manicure' });
    const cn = (await frontDesk.get(`${V1}/services/${gelId}`, { 'accept-language': 'zh-Hans-CN,zh;q=0.9' })).json();
    expect(cn.displayName).toBe('凝胶美甲');
    const en = (await accountant.get(`${V1}/services/${gelId}`, { 'accept-language': 'en-US' })).json();
    expect(en.displayName).toBe('Gel Manicure');
  });

  it('lists services with filters, search in any language and cursor pages', async () => {
    for (const name of ['Classic Manicure', 'Acrylic Full Set', 'Swedish Massage']) {
      const r = await owner.post(`${V1}/services`, {
        name,
        durationMin: 30,
        price: 2500,
        ...(name.includes('Massage') ? {} : { categoryId }),
      });
      expect(r.statusCode).toBe(201);
    }
    const all = await owner.get(`${V1}/services`);
    expect(all.json().data.map((s: { name: string }) => s.name)).toEqual([
      'Acrylic Full Set',
      'Classic Manicure',
      'Gel Manicure',
      'Swedish Massage',
    ]);
    const inCat = await owner.get(`${V1}/services?categoryId=${categoryId}`);
    expect(inCat.json().data).toHaveLength(3);
    expect((await owner.get(`${V1}/services?q=MANI`)).json().data.map((s: { name: string }) => s.name)).toEqual([
      'Classic Manicure',
      'Gel Manicure',
    ]);
    expect((await owner.get(`${V1}/services?q=${encodeURIComponent('凝胶')}`)).json().data.map((s: { id: string }) => s.id)).toEqual([
      gelId,
    ]);
    expect((await owner.get(`${V1}/services?q=${encodeURIComponent('%')}`)).json().data).toEqual([]);
    // Only names are searched, not the translation keys ("zh-CN").
    expect((await owner.get(`${V1}/services?q=zh`)).json().data).toEqual([]);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { data: Array<{ name: string }>; nextCursor: string | null } = (
        await owner.get(`${V1}/services?limit=3${cursor ? `&cursor=${cursor}` : ''}`)
      ).json();
      seen.push(...page.data.map((s) => s.name));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['Acrylic Full Set', 'Classic Manicure', 'Gel Manicure', 'Swedish Massage']);

    const bad = await owner.get(`${V1}/services?cursor=not-a-cursor`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('cursor');
  });

  it('edits a service with its version; a stale version is 409', async () => {
    const ok = await owner.patch(`${V1}/services/${gelId}`, {
      version: 1,
      price: 4200,
      nameTranslations: { 'zh-CN': '凝胶指甲', 'zh-TW': '凝膠指甲' },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ price: 4200, version: 2, nameTranslations: { 'zh-CN': '凝胶指甲' } });
    const stale = await owner.patch(`${V1}/services/${gelId}`, { version: 1, price: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('stale_version');
    const missing = await owner.patch(`${V1}/services/${gelId}`, { price: 1 });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors.map((e: { path: string }) => e.path)).toContain('version');
    const [row] = await audit('catalog.service.update', gelId);
    expect(JSON.parse(row!.before!).price).toBe(4000);
    expect(JSON.parse(row!.after!).price).toBe(4200);
  });

  it('refuses bad input with 400 and the paths', async () => {
    const res = await owner.post(`${V1}/services`, {
      name: '',
      durationMin: 47,
      price: -1,
      bufferAfterMin: 3,
      resourceType: 'Pedicure Chair',
      surprise: true,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('validation_failed');
    const paths = res.json().errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['name', 'durationMin', 'price', 'bufferAfterMin', 'resourceType', 'surprise']));
    for (const durationMin of [0, 605, 12.5]) {
      expect((await owner.post(`${V1}/services`, { name: 'X', durationMin, price: 100 })).statusCode).toBe(400);
    }
    const gap = await owner.post(`${V1}/services`, {
      name: 'Colour',
      durationMin: 30,
      price: 100,
      processingStartMin: 20,
      processingMin: 15,
    });
    expect(gap.statusCode).toBe(400);
    expect(gap.json().errors[0].path).toBe('durationMin');
    const half = await owner.post(`${V1}/services`, { name: 'Colour', durationMin: 30, price: 100, processingMin: 15 });
    expect(half.json().errors[0].path).toBe('processingStartMin');
    const cat = await owner.post(`${V1}/services`, {
      name: 'X',
      durationMin: 30,
      price: 100,
      categoryId: '01900000-0000-7000-8000-000000000000',
    });
    expect(cat.statusCode).toBe(422);
    expect(cat.json().code).toBe('unknown_category');
    const zh = await owner.post(`${V1}/services`, { name: 'X', durationMin: 31, price: 100 }, { 'accept-language': 'zh-TW' });
    expect(zh.json().title).toBe('請求內容無效');
  });

  it('sets who performs a service with own prices and durations; unknown staff is 422', async () => {
    const put = await owner.put(`${V1}/services/${gelId}/staff`, [
      { staffId: tech1, price: 5000 },
      { staffId: tech2, durationMin: 75 },
    ]);
    expect(put.statusCode).toBe(200);
    expect(put.json().staff).toEqual(
      [
        { staffId: tech1, price: 5000, durationMin: null },
        { staffId: tech2, price: null, durationMin: 75 },
      ].sort((a, b) => (a.staffId < b.staffId ? -1 : 1)),
    );
    expect(put.json().version).toBe(3);

    // At a store, only the staff who work there.
    const atA = (await managerA.get(`${V1}/services/${gelId}?storeId=${storeA}`)).json();
    expect(atA.staff).toEqual([{ staffId: tech1, price: 5000, durationMin: null }]);

    const eff = (await getEffectiveServices(t.db.db, storeB, [gelId])).get(gelId)!;
    expect(eff).toMatchObject({
      price: 4200,
      durationMin: 60,
      bufferAfterMin: 10,
      processing: { startMin: 20, lengthMin: 15 },
      resourceType: 'nail_station',
      available: true,
    });
    expect(eff.staff).toEqual([{ staffId: tech2, price: 4200, durationMin: 75, ownPrice: false, ownDuration: true }]);

    for (const staffId of [formerTech, '01900000-0000-7000-8000-000000000000']) {
      const bad = await owner.put(`${V1}/services/${gelId}/staff`, [{ staffId }]);
      expect(bad.statusCode).toBe(422);
      expect(bad.json().code).toBe('staff_not_assignable');
      expect(bad.json().errors).toEqual([{ path: '0.staffId', message: expect.any(String) }]);
    }
    const odd = await owner.put(`${V1}/services/${gelId}/staff`, [{ staffId: tech1, durationMin: 47 }]);
    expect(odd.statusCode).toBe(400);
    expect(odd.json().errors[0].path).toBe('0.durationMin');
    const tooShort = await owner.put(`${V1}/services/${gelId}/staff`, [{ staffId: tech1, durationMin: 30 }]);
    expect(tooShort.statusCode).toBe(400);
    expect(tooShort.json().errors[0].path).toBe('0.durationMin');
    const twice = await owner.put(`${V1}/services/${gelId}/staff`, [{ staffId: tech1 }, { staffId: tech1 }]);
    expect(twice.statusCode).toBe(400);
    // A shorter HQ duration must still hold a technician's own duration's gap; the staff list is unchanged.
    const shrink = await owner.patch(`${V1}/services/${gelId}`, { version: 3, durationMin: 30 });
    expect(shrink.statusCode).toBe(400);
    expect((await owner.get(`${V1}/services/${gelId}`)).json().staff).toHaveLength(2);
    expect(await audit('catalog.service.staff_set', gelId)).toHaveLength(1);
  });

  it('attaches add-ons to services', async () => {
    const res = await owner.post(`${V1}/add-ons`, {
      name: 'Paraffin Treatment',
      nameTranslations: { 'zh-CN': '石蜡护理', 'zh-TW': '石蠟護理' },
      price: 1000,
      extraMin: 10,
      serviceIds: [gelId],
    });
    expect(res.statusCode).toBe(201);
    const addOn = res.json();
    expect(addOn).toMatchObject({ price: 1000, extraMin: 10, serviceIds: [gelId], taxClass: 'service', version: 1 });
    expect((await owner.get(`${V1}/services/${gelId}`)).json().addOnIds).toEqual([addOn.id]);
    const forGel = await frontDesk.get(`${V1}/add-ons?serviceId=${gelId}`, { 'accept-language': 'zh-TW' });
    expect(forGel.json().data.map((a: { displayName: string }) => a.displayName)).toEqual(['石蠟護理']);

    const patched = await owner.patch(`${V1}/add-ons/${addOn.id}`, { version: 1, price: 1200, serviceIds: [] });
    expect(patched.json()).toMatchObject({ price: 1200, serviceIds: [], version: 2 });
    expect((await owner.get(`${V1}/services/${gelId}`)).json().addOnIds).toEqual([]);
    const viaService = await owner.patch(`${V1}/services/${gelId}`, { version: 3, addOnIds: [addOn.id] });
    expect(viaService.json().addOnIds).toEqual([addOn.id]);
    expect((await owner.get(`${V1}/add-ons/${addOn.id}`)).json().serviceIds).toEqual([gelId]);

    const unknown = await owner.post(`${V1}/add-ons`, { name: 'X', price: 1, serviceIds: ['01900000-0000-7000-8000-000000000000'] });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().code).toBe('unknown_service');
    expect((await owner.post(`${V1}/add-ons`, { name: 'X', price: 1, extraMin: 7 })).statusCode).toBe(400);
    expect(await audit('catalog.addon.update', addOn.id)).toHaveLength(1);
  });

  it('creates products; SKU and barcode are unique; back-bar needs a unit', async () => {
    const oil = await owner.post(`${V1}/products`, {
      sku: 'CND-OIL-15',
      barcode: '012345678905',
      name: 'Solar Oil 15 ml',
      nameTranslations: { 'zh-CN': '太阳油', 'zh-TW': '太陽油' },
      brand: 'CND',
      price: 1250,
      cost: 560,
      usage: 'both',
      unit: 'ml',
      size: 15,
    });
    expect(oil.statusCode).toBe(201);
    expect(oil.json()).toMatchObject({
      sku: 'CND-OIL-15',
      taxClass: 'product',
      usage: 'both',
      unit: 'ml',
      size: 15,
      price: 1250,
      cost: 560,
      version: 1,
    });
    const acetone = await owner.post(`${V1}/products`, {
      sku: 'ACE-946',
      name: 'Acetone',
      price: 0,
      cost: 900,
      usage: 'backbar',
      unit: 'ml',
      size: 946,
    });
    expect(acetone.statusCode).toBe(201);

    const sku = await owner.post(`${V1}/products`, { sku: 'CND-OIL-15', name: 'Copy', price: 1 });
    expect(sku.statusCode).toBe(409);
    expect(sku.json().code).toBe('sku_taken');
    expect(sku.json().detail).toContain('CND-OIL-15');
    const barcode = await owner.post(`${V1}/products`, { sku: 'OTHER', barcode: '012345678905', name: 'Copy', price: 1 });
    expect(barcode.statusCode).toBe(409);
    expect(barcode.json().code).toBe('barcode_taken');
    const unit = await owner.post(`${V1}/products`, { sku: 'MASK', name: 'Mask', price: 0, usage: 'backbar' });
    expect(unit.statusCode).toBe(400);
    expect(unit.json().errors[0].path).toBe('unit');
    const rename = await owner.patch(`${V1}/products/${acetone.json().id}`, { version: 1, sku: 'CND-OIL-15' });
    expect(rename.statusCode).toBe(409);
    expect(rename.json().code).toBe('sku_taken');

    expect((await frontDesk.get(`${V1}/products?code=012345678905`)).json().data.map((p: { id: string }) => p.id)).toEqual([oil.json().id]);
    expect((await frontDesk.get(`${V1}/products?q=cnd`)).json().data.map((p: { sku: string }) => p.sku)).toEqual(['CND-OIL-15']);
    expect((await frontDesk.get(`${V1}/products?q=${encodeURIComponent('太阳')}`)).json().data).toHaveLength(1);
    expect((await frontDesk.get(`${V1}/products?usage=retail`)).json().data.map((p: { sku: string }) => p.sku)).toEqual(['CND-OIL-15']);
    expect((await frontDesk.get(`${V1}/products?usage=backbar`)).json().data).toHaveLength(2);
    const zh = await frontDesk.get(`${V1}/products/${oil.json().id}`, { 'accept-language': 'zh-CN' });
    expect(zh.json().displayName).toBe('太阳油');
    const ok = await owner.patch(`${V1}/products/${oil.json().id}`, { version: 1, price: 1300, barcode: null });
    expect(ok.json()).toMatchObject({ price: 1300, barcode: null, version: 2 });
  });

  it('scopes resources per store: a manager of A cannot touch B', async () => {
    const mine = await managerA.post(`${V1}/resources?storeId=${storeA}`, { name: 'Pedicure Chair 1', type: 'pedicure_chair' });
    expect(mine.statusCode).toBe(201);
    expect(mine.json()).toMatchObject({ storeId: storeA, type: 'pedicure_chair', active: true, version: 1 });
    const inBody = await managerA.post(`${V1}/resources`, { storeId: storeA, name: 'Room 1', type: 'room', sortOrder: 20 });
    expect(inBody.statusCode).toBe(201);

    const other = await managerA.post(`${V1}/resources?storeId=${storeB}`, { name: 'Sneaky', type: 'room' });
    expect(other.statusCode).toBe(403);
    expect(other.json().code).toBe('store_forbidden');
    expect((await managerA.get(`${V1}/resources?storeId=${storeB}`)).statusCode).toBe(403);
    const theirs = await owner.post(`${V1}/resources`, { storeId: storeB, name: 'Bed 1', type: 'bed' });
    expect(theirs.statusCode).toBe(201);
    const patchTheirs = await managerA.patch(`${V1}/resources/${theirs.json().id}`, { version: 1, active: false });
    expect(patchTheirs.statusCode).toBe(404);
    expect((await managerA.post(`${V1}/resources`, { name: 'X', type: 'room' })).statusCode).toBe(400);
    const desk = await frontDesk.post(`${V1}/resources?storeId=${storeA}`, { name: 'X', type: 'room' });
    expect(desk.statusCode).toBe(403);
    expect(desk.json().code).toBe('forbidden');

    expect((await managerA.get(`${V1}/resources`)).json().data.map((r: { name: string }) => r.name)).toEqual([
      'Pedicure Chair 1',
      'Room 1',
    ]);
    const off = await managerA.patch(`${V1}/resources/${mine.json().id}`, { version: 1, active: false });
    expect(off.json()).toMatchObject({ active: false, version: 2 });
    expect((await frontDesk.get(`${V1}/resources?storeId=${storeA}`)).json().data.map((r: { name: string }) => r.name)).toEqual(['Room 1']);
    expect((await frontDesk.get(`${V1}/resources?storeId=${storeA}&includeInactive=true`)).json().data).toHaveLength(2);
    expect((await managerA.patch(`${V1}/resources/${mine.json().id}`, { version: 1, active: true })).json().code).toBe('stale_version');
    const [row] = await audit('catalog.resource.create', mine.json().id);
    expect(row!.store_id).toBe(storeA);
  });

  it('lets every role read, but only the owner write the HQ catalog', async () => {
    for (const s of [frontDesk, accountant, managerA]) {
      expect((await s.get(`${V1}/services`)).statusCode).toBe(200);
      expect((await s.get(`${V1}/products`)).statusCode).toBe(200);
      for (const [method, url, body] of [
        ['POST', `${V1}/services`, { name: 'X', durationMin: 30, price: 1 }],
        ['PATCH', `${V1}/services/${gelId}`, { version: 1, price: 1 }],
        ['DELETE', `${V1}/services/${gelId}`, undefined],
        ['POST', `${V1}/products`, { sku: 'X', name: 'X', price: 1 }],
        ['POST', `${V1}/service-categories`, { name: 'X' }],
        ['POST', `${V1}/add-ons`, { name: 'X', price: 1 }],
        ['PUT', `${V1}/services/${gelId}/staff`, []],
      ] as const) {
        const res = await s.request(method, url, body as Record<string, unknown> | undefined);
        expect(res.statusCode, `${method} ${url}`).toBe(403);
        expect(res.json().code).toBe('forbidden');
      }
    }
    expect((await frontDesk.get(`${V1}/services?storeId=${storeB}`)).statusCode).toBe(403);
  });

  it('deletes what was never used, refuses (409 in_use) what was, and always archives', async () => {
    const temp = (await owner.post(`${V1}/services`, { name: 'Temp', durationMin: 30, price: 100, staff: [{ staffId: tech1 }] })).json();
    const del = await owner.delete(`${V1}/services/${temp.id}`);
    expect(del.statusCode).toBe(204);
    expect((await owner.get(`${V1}/services/${temp.id}`)).statusCode).toBe(404);
    expect(JSON.parse((await audit('catalog.service.delete', temp.id))[0]!.before!).name).toBe('Temp');

    const booked = (await owner.post(`${V1}/services`, { name: 'Booked', durationMin: 30, price: 100 })).json();
    const sold = (await owner.post(`${V1}/products`, { sku: 'SOLD-1', name: 'Sold', price: 100 })).json();
    const unregister = registerUsageCheck(async (_db, item) => (item.id === booked.id || item.id === sold.id ? 'sales' : null));
    try {
      for (const url of [`${V1}/services/${booked.id}`, `${V1}/products/${sold.id}`]) {
        const refused = await owner.delete(url, { 'accept-language': 'zh-CN' });
        expect(refused.statusCode).toBe(409);
        expect(refused.json().code).toBe('in_use');
        expect(refused.json().detail).toContain('归档');
        expect((await owner.get(url)).statusCode).toBe(200);
      }
      const archived = await owner.post(`${V1}/services/${booked.id}/archive`);
      expect(archived.json()).toMatchObject({ archived: true, version: 2 });
      expect((await owner.post(`${V1}/products/${sold.id}/archive`)).json().archived).toBe(true);
    } finally {
      unregister();
    }
    expect((await owner.get(`${V1}/services?q=booked`)).json().data).toEqual([]);
    expect((await owner.get(`${V1}/services?q=booked&includeArchived=true`)).json().data).toHaveLength(1);
    expect((await owner.get(`${V1}/products?q=sold`)).json().data).toEqual([]);
    expect(await audit('catalog.service.archive', booked.id)).toHaveLength(1);
    expect(await audit('catalog.product.archive', sold.id)).toHaveLength(1);
    // Without the check (nothing registered), the unused product can go.
    expect((await owner.delete(`${V1}/products/${sold.id}`)).statusCode).toBe(204);
    expect(await audit('catalog.product.delete', sold.id)).toHaveLength(1);
  });

  it('audits every change with who did it', async () => {
    const rows = await t.db.db.selectFrom('audit_log').select(['action', 'actor_id']).where('action', 'like', 'catalog.%').execute();
    const actions = new Set(rows.map((r) => r.action));
    for (const a of [
      'catalog.category.create',
      'catalog.category.update',
      'catalog.service.create',
      'catalog.service.update',
      'catalog.service.staff_set',
      'catalog.service.archive',
      'catalog.service.delete',
      'catalog.addon.create',
      'catalog.addon.update',
      'catalog.product.create',
      'catalog.product.update',
      'catalog.product.archive',
      'catalog.product.delete',
      'catalog.resource.create',
      'catalog.resource.update',
    ]) {
      expect(actions, a).toContain(a);
    }
    expect(rows.every((r) => r.actor_id)).toBe(true);
  });
});
