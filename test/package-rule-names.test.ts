// Recommendation rules have their name in en / zh-CN / zh-TW, like catalog services: the client's open
// suggestions (appointment drawer, checkout), her timeline and the recommendation report give every name in
// the caller's language, with the translations for screens that switch language on their own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, expectProblem, type TestApp } from './support/app.js';
import { V1 } from './support/checkout.js';
import { aSpaClient, aTemplate, redeemAtCheckout, type SpaSalon, sellPackage, setUpSpa } from './support/packages.js';

const zhCN = { 'accept-language': 'zh-CN' };
const zhTW = { 'accept-language': 'zh-TW' };

describe('recommendation rule names in every language', () => {
  let t: TestApp;
  let s: SpaSalon;
  let basic: { id: string };
  let advanced: { id: string };
  let rule: { id: string; version: number };
  let clientId: string;
  beforeAll(async () => {
    t = await createTestApp();
    s = await setUpSpa(t);
    basic = await aTemplate(s.owner, {
      name: 'Basic Cleansing Course',
      nameTranslations: { 'zh-CN': '基础清洁疗程', 'zh-TW': '基礎清潔療程' },
      items: [{ label: 'Cleansing', sessions: 2, serviceIds: [s.facial] }],
      price: 18_000,
    });
    advanced = await aTemplate(s.owner, {
      name: 'Advanced Repair Course',
      nameTranslations: { 'zh-CN': '进阶修护疗程', 'zh-TW': '進階修護療程' },
      items: [{ label: 'Repair', sessions: 5, serviceIds: [s.repair] }],
      price: 65_000,
    });
    const res = await s.owner.post(
      `${V1}/package-rules`,
      {
        name: 'Suggest Advanced Repair Course',
        nameTranslations: { 'zh-CN': '推荐进阶修护疗程', 'zh-TW': '推薦進階修護療程', en: '  ' },
        fromTemplateId: basic.id,
        trigger: 'remaining',
        remaining: 1,
        toTemplateId: advanced.id,
      },
      zhCN,
    );
    expect(res.statusCode, res.body).toBe(201);
    rule = res.json();
    clientId = await aSpaClient(s.owner, s.storeId);
    const { pkg } = await sellPackage(s.desk, s, basic.id, clientId);
    const done = await redeemAtCheckout(s.desk, s, { clientPackageId: pkg.id }, clientId);
    expect(done.statusCode, done.body).toBe(200);
  });
  afterAll(() => t.close());

  it('keeps the translations of a rule (blank ones dropped) and names it in the caller’s language', async () => {
    expect(rule).toMatchObject({
      name: 'Suggest Advanced Repair Course',
      nameTranslations: { 'zh-CN': '推荐进阶修护疗程', 'zh-TW': '推薦進階修護療程' },
      displayName: '推荐进阶修护疗程',
    });
    expect(Object.keys((rule as unknown as { nameTranslations: object }).nameTranslations)).not.toContain('en');
    const list = (await s.owner.get(`${V1}/package-rules`, zhTW)).json().data;
    expect(list.find((r: { id: string }) => r.id === rule.id)).toMatchObject({ displayName: '推薦進階修護療程' });
    const en = (await s.owner.get(`${V1}/package-rules`, { 'accept-language': 'en' })).json().data;
    expect(en.find((r: { id: string }) => r.id === rule.id)).toMatchObject({ displayName: 'Suggest Advanced Repair Course' });
  });

  it('gives the client’s open suggestions in the caller’s language (drawer and checkout)', async () => {
    const zh = (await s.desk.get(`${V1}/clients/${clientId}/package-recommendations`, zhCN)).json().data;
    expect(zh).toMatchObject([
      {
        ruleId: rule.id,
        ruleName: 'Suggest Advanced Repair Course',
        ruleNameTranslations: { 'zh-CN': '推荐进阶修护疗程', 'zh-TW': '推薦進階修護療程' },
        ruleDisplayName: '推荐进阶修护疗程',
        templateId: advanced.id,
        templateName: 'Advanced Repair Course',
        templateDisplayName: '进阶修护疗程',
        fromPackageName: 'Basic Cleansing Course',
        fromPackageNameTranslations: { 'zh-CN': '基础清洁疗程', 'zh-TW': '基礎清潔療程' },
        fromPackageDisplayName: '基础清洁疗程',
      },
    ]);
    const en = (await s.desk.get(`${V1}/clients/${clientId}/package-recommendations`, { 'accept-language': 'en' })).json().data;
    expect(en[0]).toMatchObject({ ruleDisplayName: 'Suggest Advanced Repair Course', templateDisplayName: 'Advanced Repair Course' });
  });

  it('names them so on the client’s timeline (the technician’s glance)', async () => {
    const tl = (await s.manager.get(`${V1}/clients/${clientId}/timeline`, zhTW)).json();
    expect(tl.recommendations).toMatchObject([{ ruleDisplayName: '推薦進階修護療程', templateDisplayName: '進階修護療程' }]);
  });

  it('names rules and their templates in the report', async () => {
    const report = (await s.owner.get(`${V1}/reports/package-recommendations`, zhTW)).json();
    expect(report.rules.find((r: { ruleId: string }) => r.ruleId === rule.id)).toMatchObject({
      name: 'Suggest Advanced Repair Course',
      displayName: '推薦進階修護療程',
      fromTemplateDisplayName: '基礎清潔療程',
      toTemplateDisplayName: '進階修護療程',
      toTemplateNameTranslations: { 'zh-CN': '进阶修护疗程', 'zh-TW': '進階修護療程' },
      suggested: 1,
    });
  });

  it('changes a translation with the rule’s version, and refuses an unknown language', async () => {
    const res = await s.owner.patch(`${V1}/package-rules/${rule.id}`, {
      version: rule.version,
      nameTranslations: { 'zh-CN': '建议升级进阶修护' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ nameTranslations: { 'zh-CN': '建议升级进阶修护' }, version: rule.version + 1 });
    const zh = (await s.desk.get(`${V1}/clients/${clientId}/package-recommendations`, zhCN)).json().data;
    expect(zh[0].ruleDisplayName).toBe('建议升级进阶修护');
    // zh-TW was dropped: the base name stands in.
    const tw = (await s.desk.get(`${V1}/clients/${clientId}/package-recommendations`, zhTW)).json().data;
    expect(tw[0].ruleDisplayName).toBe('Suggest Advanced Repair Course');
    expectProblem(
      await s.owner.patch(`${V1}/package-rules/${rule.id}`, { version: rule.version + 1, nameTranslations: { fr: 'Suggérer' } }),
      400,
      'validation_failed',
    );
  });
});
