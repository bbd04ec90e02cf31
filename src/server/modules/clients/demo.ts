import type { Executor } from '../../db/tx.js';
import type { FieldCipher } from '../../platform/crypto.js';
import type { Language } from '../../platform/i18n.js';
import { newId } from '../../platform/ids.js';
import type { PhoneCountry } from './contact.js';
import { insertClient } from './insert.js';
import { loadFieldDefs } from './repo.js';
import type { ConsentInput, HealthData, NewClient } from './schemas.js';
import { countryForStore } from './service.js';

// Demo clients: a realistic, deterministic mix for `npm run demo` (same input → same people). Phones are
// in the 555-01xx range reserved for fiction, emails at example.com: no real person is ever texted.

const EN_FIRST = [
  'Emily',
  'Sarah',
  'Jessica',
  'Ashley',
  'Olivia',
  'Madison',
  'Hannah',
  'Sophia',
  'Chloe',
  'Grace',
  'Natalie',
  'Rachel',
  'Lauren',
  'Megan',
  'Amanda',
  'Nicole',
  'Brianna',
  'Victoria',
  'Isabella',
  'Maria',
  'Daniel',
  'Michael',
  'David',
  'James',
  'Ryan',
  'Priya',
  'Aisha',
  'Camila',
  'Zoe',
  'Leah',
];
const EN_LAST = [
  'Smith',
  'Johnson',
  'Williams',
  'Brown',
  'Jones',
  'Garcia',
  'Miller',
  'Davis',
  'Rodriguez',
  'Martinez',
  'Wilson',
  'Anderson',
  'Taylor',
  'Thomas',
  'Moore',
  'Jackson',
  'Martin',
  'Lee',
  'Thompson',
  'White',
  "O'Brien",
  'Nguyen',
  'Kim',
  'Patel',
  'Cohen',
  'Rossi',
  'Tremblay',
  'Roy',
  'Gagnon',
  'MacDonald',
];
const ZH_LAST_CN = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '黄',
  '赵',
  '吴',
  '周',
  '徐',
  '孙',
  '马',
  '朱',
  '胡',
  '郭',
  '何',
  '林',
  '罗',
  '郑',
  '梁',
  '谢',
  '曾',
  '吕',
];
const ZH_GIVEN_CN = [
  '小明',
  '丽',
  '静',
  '敏',
  '婷',
  '雪',
  '丽娟',
  '美玲',
  '晓燕',
  '秀英',
  '欣怡',
  '雨涵',
  '子涵',
  '佳怡',
  '思雨',
  '梦琪',
  '海燕',
  '建华',
  '伟',
  '芳',
];
const ZH_LAST_TW = ['陳', '林', '黃', '張', '李', '王', '吳', '劉', '蔡', '楊', '許', '鄭', '謝', '郭', '洪'];
const ZH_GIVEN_TW = ['淑芬', '美玲', '雅婷', '怡君', '佩君', '家豪', '志明', '欣妤', '詩涵', '宜蓁'];
const ZH_PINYIN_NAMES = ['Lily', 'Vivian', 'Cindy', 'Amy', 'Joyce', 'Fiona', 'Helen', 'Kelly', 'Winnie', 'Tina'];
const NY_AREAS = ['212', '646', '718', '917', '347'];
const VAN_AREAS = ['604', '778', '236'];
const TAGS = ['VIP', 'Regular', 'New', 'Gel lover', 'Sensitive skin', 'Referral', 'Lash fill every 3 weeks', '常客', '储值卡会员'];
const SOURCES = ['walk_in', 'google', 'instagram', 'referral', 'wechat', 'xiaohongshu', 'yelp'];
const FOCUS = ['neck', 'shoulders', 'lower back', 'feet', 'hands', 'face'];
const HEALTH: HealthData[] = [
  { allergies: 'Latex', skinType: 'sensitive' },
  { allergies: 'Acetone; fragrance', conditions: 'Eczema on hands' },
  { conditions: 'Pregnant (2nd trimester): no deep pressure', contraindications: 'No hot stones' },
  { medications: 'Blood thinners', contraindications: 'Gentle cuticle work only' },
  { skinType: 'oily, acne-prone', allergies: 'Salicylic acid' },
  { conditions: 'Diabetes: check feet carefully', contraindications: 'No callus razor' },
];
const REMINDERS = ['Latex allergy: use nitrile gloves', 'Allergic to acetone: use non-acetone remover', 'Sensitive to fragrance', null];

/** Small deterministic PRNG (mulberry32). */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type DemoClientsOptions = {
  storeIds: readonly string[];
  now: number;
  count?: number;
  /** createFieldCipher(deps.secrets.fieldKey): needed for the few health notes; without it they are left out. */
  cipher?: FieldCipher;
  seed?: number;
};

/**
 * Adds `count` (default 300) demo clients spread over the stores: English and Chinese (Simplified and
 * Traditional) names, New York and Vancouver phones, emails, birthdays (some lunar), tags, consent history,
 * preferences, a few notes and health records. Returns the new client ids.
 */
export async function seedDemoClients(tx: Executor, opts: DemoClientsOptions): Promise<{ clientIds: string[] }> {
  if (opts.storeIds.length === 0) return { clientIds: [] };
  const r = rng(opts.seed ?? 20261127);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const fieldDefs = await loadFieldDefs(tx);
  const countryByStore = new Map<string, PhoneCountry>();
  const staff = await tx.selectFrom('staff').select('id').where('active', '=', 1).where('role', '=', 'technician').execute();
  const usedPhones = new Set<string>();
  const clientIds: string[] = [];
  const count = opts.count ?? 300;
  for (let i = 0; i < count; i++) {
    const homeStoreId = opts.storeIds[i % opts.storeIds.length]!;
    const country = await countryForStore(tx, homeStoreId, countryByStore);
    const kind = r();
    let firstName: string;
    let lastName: string;
    let preferredName: string | null = null;
    let language: Language = 'en';
    let emailName: string;
    if (kind < 0.3) {
      lastName = pick(ZH_LAST_CN);
      firstName = pick(ZH_GIVEN_CN);
      language = 'zh-CN';
      if (r() < 0.4) preferredName = pick(ZH_PINYIN_NAMES);
      emailName = `${preferredName ?? 'client'}${i}`;
    } else if (kind < 0.42) {
      lastName = pick(ZH_LAST_TW);
      firstName = pick(ZH_GIVEN_TW);
      language = 'zh-TW';
      if (r() < 0.4) preferredName = pick(ZH_PINYIN_NAMES);
      emailName = `${preferredName ?? 'client'}${i}`;
    } else {
      firstName = pick(EN_FIRST);
      lastName = pick(EN_LAST);
      emailName = `${firstName}.${lastName}`.replace(/[^A-Za-z.]/g, '');
    }
    const local = country === 'CA' ? r() < 0.85 : r() < 0.15;
    let phone: string | null = null;
    for (let tries = 0; tries < 20 && phone === null; tries++) {
      const area = pick(local ? VAN_AREAS : NY_AREAS);
      const candidate = `(${area}) 555-01${String(Math.floor(r() * 100)).padStart(2, '0')}`;
      if (!usedPhones.has(candidate)) phone = candidate;
    }
    if (phone) usedPhones.add(phone);
    const created = opts.now - Math.floor(r() * 720) * 86_400_000;
    const hasBirthday = r() < 0.8;
    const month = 1 + Math.floor(r() * 12);
    const consents: ConsentInput[] = [];
    const consentAt = created + Math.floor(r() * 3_600_000);
    if (phone && r() < 0.75)
      consents.push({
        channel: 'sms',
        granted: true,
        at: consentAt,
        source: r() < 0.7 ? 'front_desk' : 'online',
        wordingVersion: 'sms-2026-01',
      });
    if (r() < 0.1 && consents.length)
      consents.push({ channel: 'sms', granted: false, at: consentAt + 40 * 86_400_000, source: 'front_desk' });
    const hasEmail = r() < 0.6;
    if (hasEmail && r() < 0.55)
      consents.push({ channel: 'email', granted: true, at: consentAt, source: 'online', wordingVersion: 'email-2026-01' });
    const health = opts.cipher && r() < 0.06 ? pick(HEALTH) : null;
    const input: NewClient = {
      firstName,
      lastName,
      preferredName,
      phone,
      email: hasEmail ? `${emailName.toLowerCase()}${i}@example.com` : null,
      birthday: hasBirthday
        ? {
            month,
            day: 1 + Math.floor(r() * 28),
            year: r() < 0.6 ? 1955 + Math.floor(r() * 50) : null,
            lunar: language !== 'en' && r() < 0.15,
          }
        : null,
      language,
      source: pick(SOURCES),
      homeStoreId,
      tags: [...new Set([pick(TAGS), ...(r() < 0.3 ? [pick(TAGS)] : [])])],
      preferences: {
        favouriteStaffId: staff.length && r() < 0.3 ? pick(staff).id : null,
        pressure: r() < 0.5 ? pick(['light', 'medium', 'firm', 'extra_firm'] as const) : null,
        focusAreas: r() < 0.3 ? [pick(FOCUS)] : [],
        allergyReminder: health?.allergies ? pick(REMINDERS) : null,
      },
      health,
      consents,
    };
    const ctx = { actorId: null, ip: null, requestId: null, now: created };
    const written = await insertClient(tx, input, ctx, {
      audit: false,
      checkDuplicates: false,
      fieldDefs,
      countryByStore,
      ...(opts.cipher ? { cipher: opts.cipher } : {}),
    });
    clientIds.push(written.id);
    if (r() < 0.7) {
      await tx
        .updateTable('clients')
        .set({ last_visit_at: opts.now - Math.floor(r() * 120) * 86_400_000 })
        .where('id', '=', written.id)
        .execute();
    }
    if (r() < 0.15) {
      const body = pick([
        'Prefers almond shape, short length.',
        'Likes the window seat.',
        '喜欢淡色系，不要太长。',
        'Allergic reaction to gel brand X in 2025: use hypoallergenic gel.',
        'Always running late: book 15 min buffer.',
      ]);
      await tx
        .insertInto('client_notes')
        .values({ id: newId(), client_id: written.id, author_id: null, store_id: homeStoreId, body, created_at: created + 86_400_000 })
        .execute();
    }
  }
  return { clientIds };
}
