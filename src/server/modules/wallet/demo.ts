// Demo data for stored value, gift cards, points, tiers and coupons (the demo salon "Lotus Nail & Spa").
// Run it BEFORE the demo sales (seedDemoSales): the sales then earn points and move clients up the tiers
// through the real checkout hooks, so everything stays consistent with them.
import type { Executor } from '../../db/tx.js';
import type { AuditContext } from '../../platform/audit.js';
import { newId } from '../../platform/ids.js';
import { createCoupon, issueCoupon } from '../coupons/index.js';
import { completeSaleLine, generateCode, redeem as redeemGiftCard, resolveSaleLine } from '../gift-cards/index.js';
import { loadLedgerSettings, saveLedgerSettings } from '../ledgers/index.js';
import { adjustPoints } from '../points/index.js';
import { createTier } from '../tiers/index.js';
import { adjustWallet, topUp } from './wallet.js';

export type DemoLedgersOptions = {
  /** The demo stores, the first being HQ's flagship. */
  storeIds: readonly string[];
  /** Demo clients (e.g. from seedDemoClients); every 4th gets a wallet, every 3rd welcome points. */
  clientIds: readonly string[];
  now: number;
  /** The demo owner: the actor of settings, rules and adjustments. */
  actorId: string | null;
  /** A service to give as the free-service birthday coupon (optional). */
  birthdayServiceId?: string | null;
};

export type DemoLedgersResult = {
  bonusRuleIds: string[];
  tierIds: string[];
  couponIds: string[];
  wallets: number;
  giftCards: Array<{ code: string; amount: number; balance: number }>;
  pointsClients: number;
};

const DAY = 86_400_000;

export async function seedDemoLedgers(tx: Executor, opts: DemoLedgersOptions): Promise<DemoLedgersResult> {
  const ctx = (now: number): AuditContext => ({ actorId: opts.actorId, ip: null, requestId: null, now });
  const [flagship, second] = [opts.storeIds[0]!, opts.storeIds[1] ?? opts.storeIds[0]!];
  const result: DemoLedgersResult = { bonusRuleIds: [], tierIds: [], couponIds: [], wallets: 0, giftCards: [], pointsClients: 0 };

  // Settings: points expire after 12 months, with a 30-day notice; everything else as shipped.
  const { settings, version } = await loadLedgerSettings(tx);
  await saveLedgerSettings(
    tx,
    { ...settings, points: { ...settings.points, expiry: { months: 12, noticeDays: 30 } } },
    version,
    ctx(opts.now),
  );

  // Top-up bonus rules: HQ's ladder everywhere, and a store promotion under HQ's 20 % cap.
  const hqRule = {
    id: newId(),
    name: '储值优惠 Top-up bonus',
    thresholds: JSON.stringify([
      { pay: 10_000, bonus: 2_000 },
      { pay: 30_000, bonus: 8_000 },
      { pay: 50_000, bonus: 15_000 },
    ]),
    store_ids: null,
    scope: 'hq',
  };
  const storeRule = {
    id: newId(),
    name: 'Richmond opening: $200 get $30',
    thresholds: JSON.stringify([{ pay: 20_000, bonus: 3_000 }]),
    store_ids: JSON.stringify([second]),
    scope: 'store',
  };
  for (const r of [hqRule, storeRule]) {
    await tx
      .insertInto('wallet_bonus_rules')
      .values({
        ...r,
        starts_on: null,
        ends_on: null,
        first_top_up_only: 0,
        active: 1,
        version: 1,
        created_by: opts.actorId,
        created_at: opts.now,
        updated_at: opts.now,
      })
      .execute();
    result.bonusRuleIds.push(r.id);
  }

  // Three tiers by rolling 12-month spend.
  const tiers = [
    { name: 'Silver', zh: ['银卡会员', '銀卡會員'], rank: 1, threshold: 50_000, bp: 500, mult: 12_500 },
    { name: 'Gold', zh: ['金卡会员', '金卡會員'], rank: 2, threshold: 150_000, bp: 1_000, mult: 15_000 },
    { name: 'Diamond', zh: ['钻石会员', '鑽石會員'], rank: 3, threshold: 500_000, bp: 1_500, mult: 20_000 },
  ];
  for (const t of tiers) {
    const dto = await createTier(
      tx,
      {
        name: t.name,
        nameTranslations: { en: t.name, 'zh-CN': t.zh[0]!, 'zh-TW': t.zh[1]! },
        rank: t.rank,
        threshold: t.threshold,
        discounts: [{ categoryId: null, percentBp: t.bp }],
        pointsMultiplierBp: t.mult,
        birthdayGift: { note: 'Birthday: a free mini facial' },
      },
      ctx(opts.now),
    );
    result.tierIds.push(dto.id);
  }

  // Coupon campaigns: a welcome code, a November percent-off, and an issued birthday gift.
  const welcome = await createCoupon(
    tx,
    { code: 'WELCOME10', name: 'Welcome $10 off', kind: 'amount', value: 1_000, minSpend: 5_000, perClientLimit: 1, totalLimit: 500 },
    ctx(opts.now),
  );
  const autumn = await createCoupon(
    tx,
    { code: 'AUTUMN20', name: 'Autumn 20% off (max $30)', kind: 'percent', value: 2_000, maxDiscount: 3_000, storeIds: [flagship] },
    ctx(opts.now),
  );
  result.couponIds.push(welcome.id, autumn.id);
  if (opts.birthdayServiceId) {
    const birthday = await createCoupon(
      tx,
      { name: 'Birthday mini facial', kind: 'free_service', value: 0, serviceId: opts.birthdayServiceId, issuedOnly: true },
      ctx(opts.now),
    );
    result.couponIds.push(birthday.id);
    const lucky = opts.clientIds.filter((_, i) => i % 10 === 0).slice(0, 20);
    if (lucky.length) await issueCoupon(tx, birthday.id, lucky, 1, ctx(opts.now));
  }

  // Wallets: every 4th client topped up once or twice over the last months, under the bonus rules.
  const amounts = [10_000, 30_000, 50_000, 20_000, 10_000];
  for (const [i, clientId] of opts.clientIds.entries()) {
    if (i % 4 !== 0) continue;
    const storeId = i % 8 === 0 ? flagship : second;
    await topUp(tx, {
      clientId,
      storeId,
      amount: amounts[i % amounts.length]!,
      actorId: opts.actorId,
      now: opts.now - (90 - (i % 60)) * DAY,
    });
    if (i % 12 === 0) await topUp(tx, { clientId, storeId, amount: 10_000, actorId: opts.actorId, now: opts.now - (20 - (i % 15)) * DAY });
    if (i % 20 === 0)
      await adjustWallet(
        tx,
        { clientId, part: 'bonus', amount: 1_000, reason: 'Apology for a late appointment', storeId },
        ctx(opts.now - 10 * DAY),
      );
    result.wallets += 1;
  }

  // Gift cards sold at both stores, some partly spent.
  for (let i = 0; i < 8; i++) {
    const storeId = i % 2 ? second : flagship;
    const amount = [5_000, 10_000, 2_500, 20_000][i % 4]!;
    const code = generateCode();
    const at = opts.now - (60 - i * 6) * DAY;
    const data = await resolveSaleLine(tx, { code, amount, recipientName: i % 3 === 0 ? 'Mom' : undefined }, at);
    await completeSaleLine(tx, data, { amount, storeId, saleId: newId(), lineRef: newId(), actorId: opts.actorId, now: at, tz: 'UTC' });
    let balance = amount;
    if (i % 2 === 0) {
      const spent = Math.floor(amount / 2);
      await redeemGiftCard(tx, {
        code,
        amount: spent,
        storeId,
        refType: 'demo_visit',
        refId: newId(),
        clientId: null,
        actorId: opts.actorId,
        now: at + 7 * DAY,
        tz: 'UTC',
      });
      balance -= spent;
    }
    result.giftCards.push({ code, amount, balance });
  }

  // Points: welcome points for every 3rd client (the demo sales add their earned points on top).
  for (const [i, clientId] of opts.clientIds.entries()) {
    if (i % 3 !== 0) continue;
    await adjustPoints(
      tx,
      { clientId, amount: 100 + (i % 5) * 50, reason: 'Welcome points', storeId: flagship },
      ctx(opts.now - (100 - (i % 80)) * DAY),
    );
    result.pointsClients += 1;
  }
  return result;
}
