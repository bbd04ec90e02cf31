// Demo data for packages and treatment tracking: three package templates (10 facials in 12 months; a staged
// 5 + 5 skin course; 12 massages shareable with family), a recommendation rule, record templates for facials,
// massage and lashes, packages sold over the last months and partly used, one record per session with
// metrics that improve visit after visit, and (when a photo directory is given) before/after photos drawn
// locally with sharp — skin whose redness fades from session to session.
import sharp from 'sharp';
import type { Tx } from '../../db/tx.js';
import type { FieldCipher } from '../../platform/crypto.js';
import { addDays, localDate } from '../../platform/zoned-time.js';
import { createRule, createTemplate, purchasePackage, redeemSession } from '../packages/index.js';
import { PRESETS } from './fields.js';
import { processPhoto, storePhoto } from './photos.js';
import { createRecord } from './records.js';
import { createTreatmentTemplate } from './templates.js';

export type DemoPackagesOptions = {
  /** The first store sells the packages; the others may redeem them. */
  storeIds: readonly string[];
  /** Technicians of the first store, who perform the sessions and write the records. */
  technicianIds: readonly string[];
  /** Clients to sell to (4 are used: three buyers and a family member). */
  clientIds: readonly string[];
  now: number;
  /** createFieldCipher(deps.secrets.fieldKey): records' health content is encrypted. */
  cipher: FieldCipher;
  /** deps.settings.photoDir: when given, sample before/after photos are generated and stored. */
  photoDir?: string | undefined;
  actorId?: string | null;
  /** Default: found by name in the demo catalog (Signature Facial, HydraGlow Facial, Swedish / Deep Tissue Massage). */
  services?: { facial?: string; renewal?: string; massage?: string; deepTissue?: string };
};

export type DemoPackagesResult = { templateIds: string[]; packageIds: string[]; recordIds: string[]; photos: number };

const DAY = 86_400_000;

async function serviceByName(tx: Tx, like: string): Promise<{ id: string; category_id: string | null } | undefined> {
  return tx
    .selectFrom('services')
    .select(['id', 'category_id'])
    .where('name', 'like', like)
    .where('archived', '=', 0)
    .orderBy('created_at')
    .executeTakeFirst();
}

/** A 1200×900 close-up of skin: `redness` 0–1 sets how many and how red the blemishes are. */
async function skinPhoto(redness: number, seed: number): Promise<Buffer> {
  let s = seed;
  const rnd = () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s / 2 ** 31;
  };
  const spots = Array.from({ length: Math.round(10 + 50 * redness) }, () => {
    const r = 6 + rnd() * 18;
    return `<circle cx="${(rnd() * 1200).toFixed(0)}" cy="${(rnd() * 900).toFixed(0)}" r="${r.toFixed(1)}" fill="rgb(${200 + Math.round(40 * redness)},${120 - Math.round(40 * redness)},${110 - Math.round(30 * redness)})" fill-opacity="${(0.25 + 0.6 * redness).toFixed(2)}"/>`;
  }).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="900">
    <defs><radialGradient id="g" cx="50%" cy="45%" r="70%"><stop offset="0%" stop-color="rgb(246,214,192)"/><stop offset="100%" stop-color="rgb(${226 - Math.round(10 * redness)},${184 - Math.round(20 * redness)},${160 - Math.round(15 * redness)})"/></radialGradient></defs>
    <rect width="1200" height="900" fill="url(#g)"/>${spots}</svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 88 }).toBuffer();
}

/** Seeds packages and records inside the caller's transaction. Needs the demo catalog, staff and clients. */
export async function seedDemoPackages(tx: Tx, opts: DemoPackagesOptions): Promise<DemoPackagesResult> {
  const result: DemoPackagesResult = { templateIds: [], packageIds: [], recordIds: [], photos: 0 };
  const storeId: string = opts.storeIds[0] ?? '';
  const techs = opts.technicianIds;
  if (!storeId || techs.length === 0 || opts.clientIds.length < 4) return result;
  const facial = opts.services?.facial ? { id: opts.services.facial, category_id: null } : await serviceByName(tx, 'Signature Facial%');
  const renewal = opts.services?.renewal ? { id: opts.services.renewal, category_id: null } : await serviceByName(tx, 'HydraGlow%');
  const massage = opts.services?.massage ? { id: opts.services.massage, category_id: null } : await serviceByName(tx, 'Swedish Massage%');
  const deep = opts.services?.deepTissue ? { id: opts.services.deepTissue, category_id: null } : await serviceByName(tx, 'Deep Tissue%');
  if (!facial || !renewal || !massage) return result;
  const audit = (now: number, actorId: string | null = opts.actorId ?? null) => ({ actorId, ip: null, requestId: null, now });
  const tz = (await tx.selectFrom('stores').select('time_zone').where('id', '=', storeId).executeTakeFirstOrThrow()).time_zone;

  // Record templates for the categories of the services, and lashes when the catalog has the category.
  const categories = await tx.selectFrom('service_categories').select(['id', 'name']).execute();
  const cat = (name: string) => categories.find((c) => c.name.toLowerCase().startsWith(name))?.id;
  const existing = await tx.selectFrom('treatment_templates').select('id').executeTakeFirst();
  if (!existing) {
    for (const [key, catId] of [
      ['facial', facial.category_id ?? cat('facial')],
      ['massage', massage.category_id ?? cat('massage')],
      ['lashes', cat('lash')],
    ] as const) {
      if (!catId) continue;
      const p = PRESETS[key];
      await createTreatmentTemplate(
        tx,
        {
          name: p.name.en,
          nameTranslations: { 'zh-CN': p.name['zh-CN'], 'zh-TW': p.name['zh-TW'] },
          categoryIds: [catId],
          fields: p.fields,
        },
        audit(opts.now - 200 * DAY),
      );
    }
  }

  const t0 = opts.now - 200 * DAY;
  const tenFacials = await createTemplate(
    tx,
    {
      name: '10 Facials in 12 Months',
      nameTranslations: { 'zh-CN': '面部护理十次卡（12 个月）', 'zh-TW': '臉部護理十次卡（12 個月）' },
      description: 'Ten Signature Facials to use within a year; freeze up to 30 days.',
      items: [
        {
          label: 'Signature Facial',
          labelTranslations: { 'zh-CN': '招牌面部护理', 'zh-TW': '招牌臉部護理' },
          sessions: 10,
          serviceIds: [facial.id],
        },
      ],
      price: 85_000,
      validity: { kind: 'months', months: 12 },
      freeze: { allowed: true, maxDays: 30 },
    },
    audit(t0),
  );
  const renewalCourse = await createTemplate(
    tx,
    {
      name: 'Skin Renewal Course 5 + 5',
      nameTranslations: { 'zh-CN': '焕肤疗程（5 + 5 次）', 'zh-TW': '煥膚療程（5 + 5 次）' },
      description: 'Five deep-hydration sessions to calm and clear the skin, then five repair facials.',
      items: [
        {
          label: 'Hydration & cleansing',
          labelTranslations: { 'zh-CN': '补水清洁', 'zh-TW': '補水清潔' },
          sessions: 5,
          serviceIds: [renewal.id],
          step: 1,
        },
        { label: 'Repair', labelTranslations: { 'zh-CN': '修复', 'zh-TW': '修復' }, sessions: 5, serviceIds: [facial.id], step: 2 },
      ],
      price: 99_000,
      validity: { kind: 'months', months: 6 },
      freeze: { allowed: true, maxDays: 14 },
    },
    audit(t0),
  );
  const family = await createTemplate(
    tx,
    {
      name: '12 Massages — Family Card',
      nameTranslations: { 'zh-CN': '家庭按摩十二次卡', 'zh-TW': '家庭按摩十二次卡' },
      description: 'Twelve 60-minute massages, Swedish or deep tissue, shared with up to 3 family members.',
      items: [
        {
          label: 'Massage (60 min)',
          labelTranslations: { 'zh-CN': '按摩（60 分钟）', 'zh-TW': '按摩（60 分鐘）' },
          sessions: 12,
          serviceIds: deep ? [massage.id, deep.id] : [massage.id],
        },
      ],
      price: 96_000,
      validity: { kind: 'months', months: 12 },
      sharing: { shareable: true, maxMembers: 3 },
    },
    audit(t0),
  );
  result.templateIds.push(tenFacials.id, renewalCourse.id, family.id);
  await createRule(
    tx,
    {
      name: 'Renewal → maintenance facials',
      nameTranslations: { 'zh-CN': '焕肤疗程 → 保养面部护理', 'zh-TW': '煥膚療程 → 保養臉部護理' },
      fromTemplateId: renewalCourse.id,
      trigger: 'remaining',
      remaining: 2,
      toTemplateId: tenFacials.id,
      sendToClient: false,
    },
    audit(t0),
  );

  const [aClient, bClient, cClient, dClient] = opts.clientIds as [string, string, string, string];
  let photoSeed = 11;

  /** Sells a package `daysAgo`, then one session (with its record) every `every` days, `used` times. */
  async function course(p: {
    templateId: string;
    clientId: string;
    daysAgo: number;
    used: number;
    every: number;
    services: (i: number) => string;
    metrics: (i: number, n: number) => Record<string, unknown>;
    notes: (i: number) => string;
    technique?: (i: number) => string;
    member?: { clientId: string; relation: string; sessions: number[] };
    photos?: boolean;
  }) {
    const start = opts.now - p.daysAgo * DAY;
    const pkg = await purchasePackage(tx, {
      templateId: p.templateId,
      clientId: p.clientId,
      storeId,
      price: (await tx.selectFrom('package_templates').select('price').where('id', '=', p.templateId).executeTakeFirstOrThrow()).price,
      audit: audit(start),
    });
    result.packageIds.push(pkg.id);
    if (p.member)
      await tx
        .insertInto('client_package_members')
        .values({
          package_id: pkg.id,
          client_id: p.member.clientId,
          relation: p.member.relation,
          added_by: opts.actorId ?? null,
          added_at: start,
        })
        .execute();
    for (let i = 0; i < p.used; i++) {
      const at = start + (i * p.every + 1) * DAY + (10 + (i % 6)) * 3_600_000;
      const tech = techs[i % techs.length]!;
      const receiver = p.member?.sessions.includes(i) ? p.member.clientId : p.clientId;
      const serviceId = p.services(i);
      const session = await redeemSession(tx, {
        packageId: pkg.id,
        serviceId,
        storeId,
        clientId: receiver,
        staffId: tech,
        source: 'direct',
        audit: audit(at, tech),
      });
      const last = i === p.used - 1;
      const record = await createRecord(
        tx,
        { staffId: tech },
        {
          clientId: receiver,
          storeId,
          serviceId,
          packageSessionId: session.id,
          staffId: tech,
          startedAt: new Date(at).toISOString(),
          endedAt: new Date(at + 60 * 60_000).toISOString(),
          metrics: p.metrics(i, p.used),
          notes: p.notes(i),
          reaction: i === 0 ? 'Slight redness after extraction, settled within the hour.' : 'No reaction.',
          aftercare: 'Drink water, SPF 30+ every morning, no exfoliating for 3 days.',
          nextRecommendedOn: addDays(localDate(at, tz), p.every),
          sharedWithClient: true,
          technique: p.technique
            ? p.technique(i)
            : i % 2
              ? 'Double cleanse, enzyme peel, hydrating mask'
              : 'Double cleanse, extraction, LED (red) 10 min',
          settings: p.technique ? {} : { 'LED minutes': 10, mask: i % 2 ? 'hyaluronic' : 'calming' },
        },
        opts.cipher,
        audit(at, tech),
      );
      result.recordIds.push(record.id);
      if (p.photos && opts.photoDir && (i === 0 || last)) {
        const redness = Math.max(0.05, 1 - i / Math.max(1, p.used - 1));
        for (const kind of ['before', 'after'] as const) {
          photoSeed += 7;
          const photo = await processPhoto(await skinPhoto(kind === 'before' ? redness : Math.max(0.02, redness - 0.2), photoSeed));
          await storePhoto(tx, opts.photoDir, { recordId: record.id, clientId: receiver, kind, photo, actorId: tech, now: at });
          result.photos += 1;
        }
      }
    }
    return pkg;
  }

  const improving = (from: number, to: number, i: number, n: number) => Math.round(from + ((to - from) * i) / Math.max(1, n - 1));
  // Grace: 10 facials, 6 used, every 3 weeks; hydration up, oiliness, sensitivity and pores down.
  await course({
    templateId: tenFacials.id,
    clientId: aClient,
    daysAgo: 130,
    used: 6,
    every: 21,
    services: () => facial.id,
    metrics: (i, n) => ({
      skinType: 'combination',
      hydration: improving(2, 4, i, n),
      oiliness: improving(4, 2, i, n),
      sensitivity: improving(3, 2, i, n),
      pores: improving(4, 2, i, n),
      concerns: i < n - 2 ? ['acne', 'blackheads'] : ['blackheads'],
    }),
    notes: (i) =>
      i === 0
        ? 'Congested T-zone, dehydrated cheeks. Client prefers no fragrance.'
        : 'Visible improvement in clarity; keep the calming mask.',
    photos: true,
  });
  // Mei: the staged course, 8 of 10 used (the rule suggests maintenance facials at 2 left).
  await course({
    templateId: renewalCourse.id,
    clientId: bClient,
    daysAgo: 120,
    used: 8,
    every: 14,
    services: (i) => (i < 5 ? renewal.id : facial.id),
    metrics: (i, n) => ({
      skinType: 'sensitive',
      hydration: improving(1, 4, i, n),
      oiliness: 2,
      sensitivity: improving(5, 2, i, n),
      pores: improving(3, 2, i, n),
      concerns: i < 4 ? ['redness', 'dullness'] : ['dullness'],
    }),
    notes: (i) => (i < 5 ? 'Barrier repair phase: gentle products only.' : 'Repair phase: skin tolerating actives well.'),
    photos: true,
  });
  // The Wongs: 12 massages shared with the daughter, 5 used.
  await course({
    templateId: family.id,
    clientId: cClient,
    daysAgo: 90,
    used: 5,
    every: 16,
    services: (i) => (deep && i % 2 ? deep.id : massage.id),
    metrics: (i, n) => ({
      pressure: i < 2 ? 'medium' : 'firm',
      focusAreas: ['neck', 'shoulders', 'upper_back'],
      tensionPoints: i < 3 ? ['shoulders', 'upper_back'] : ['shoulders'],
      tension: improving(5, 2, i, n),
    }),
    notes: () => 'Desk job: tight trapezius; stretch advice given.',
    technique: (i) => (i % 2 ? 'Deep tissue, trigger-point work on the shoulders' : 'Swedish, long strokes, warm oil'),
    member: { clientId: dClient, relation: 'daughter', sessions: [2] },
  });
  return result;
}
