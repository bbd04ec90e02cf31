import { z } from 'zod';
import type { Executor } from '../../db/tx.js';
import { type AuditContext, writeAudit } from '../../platform/audit.js';
import { PlatformErrors } from '../../platform/errors.js';
import { isHHmm, isLocalDate } from '../../platform/zoned-time.js';

// Business-wide settings of stored value, gift cards, points, tiers and balance reminders: one JSON row,
// versioned (a stale PUT is 409), changed by HQ (`ledgers.rules`) and audited. Missing keys take the
// defaults below, so a business that never opened the settings screen gets sensible behaviour.

const cents = z.number().int().min(0).max(100_000_000);
const bp = z.number().int().min(0).max(10_000);
const localDate = z.string().refine(isLocalDate, 'a date as YYYY-MM-DD');
const hhmm = z.string().refine(isHHmm, 'a time as HH:mm');
const translations = z.strictObject({
  en: z.string().max(80).optional(),
  'zh-CN': z.string().max(80).optional(),
  'zh-TW': z.string().max(80).optional(),
});

export const SPEND_ORDERS = ['proportional', 'principal_first', 'bonus_first'] as const;
export type SpendOrder = (typeof SPEND_ORDERS)[number];

export const walletSettings = z.strictObject({
  /** Which part a stored-value payment takes first; proportional is what most Chinese salon systems do. */
  spendOrder: z.enum(SPEND_ORDERS).default('proportional'),
  /** On refunding a top-up: the bonus given for it is forfeited (taken back) or kept. */
  topUpRefundBonus: z.enum(['forfeit', 'keep']).default('forfeit'),
  /** A one-time code to the client's phone or email before a stored-value payment. */
  confirmation: z.enum(['none', 'otp']).default('none'),
  /** Stores where stored value can be used; null = every store. */
  storeIds: z.array(z.uuid()).max(500).nullable().default(null),
  minTopUp: cents.default(1_000),
  maxTopUp: cents.default(1_000_000),
  /** HQ's cap on bonus rules that stores configure: at most this % of the top-up and this amount. */
  storeRuleCap: z
    .strictObject({ maxBonusBp: bp.nullable().default(2_000), maxBonus: cents.nullable().default(null) })
    .default({ maxBonusBp: 2_000, maxBonus: null }),
});

export const giftCardDesign = z.strictObject({ id: z.string().min(1).max(40), name: translations, amount: cents.min(1).nullable() });

export const giftCardSettings = z.strictObject({
  /** Months after sale when an unused balance expires; null (the default) = never. Check local law first. */
  expiryMonths: z.number().int().min(1).max(240).nullable().default(null),
  minAmount: cents.min(1).default(1_000),
  maxAmount: cents.min(1).default(100_000),
  designs: z.array(giftCardDesign).max(50).default([]),
});

export const pointsSettings = z.strictObject({
  enabled: z.boolean().default(true),
  earn: z
    .strictObject({
      /** Points per whole dollar paid for services without a category rate. */
      perDollar: z.number().int().min(0).max(1_000).default(1),
      productsPerDollar: z.number().int().min(0).max(1_000).default(1),
      categories: z
        .array(z.strictObject({ categoryId: z.uuid(), perDollar: z.number().int().min(0).max(1_000) }))
        .max(200)
        .default([]),
      /** Services, products or add-ons that never earn. */
      excludedItemIds: z.array(z.uuid()).max(1_000).default([]),
    })
    .default({ perDollar: 1, productsPerDollar: 1, categories: [], excludedItemIds: [] }),
  bonusEvents: z
    .array(
      z.strictObject({
        id: z.string().min(1).max(40),
        name: z.string().min(1).max(80),
        startsOn: localDate,
        endsOn: localDate,
        /** 20000 = double points. */
        multiplierBp: z.number().int().min(10_000).max(100_000),
        storeIds: z.array(z.uuid()).max(500).nullable().default(null),
        categoryIds: z.array(z.uuid()).max(200).nullable().default(null),
      }),
    )
    .max(50)
    .default([]),
  redeem: z
    .strictObject({
      /** Points worth one dollar (100 → 1 point = 1¢). */
      pointsPerDollar: z.number().int().min(1).max(100_000).default(100),
      minPoints: z.number().int().min(0).max(10_000_000).default(500),
    })
    .default({ pointsPerDollar: 100, minPoints: 500 }),
  expiry: z
    .strictObject({
      /** Each earn expires this many months later (oldest points are used first); null = never. */
      months: z.number().int().min(1).max(120).nullable().default(null),
      noticeDays: z.number().int().min(0).max(90).default(30),
    })
    .default({ months: null, noticeDays: 30 }),
});

const threshold = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('amount'), value: cents }),
  z.strictObject({ kind: z.literal('percent'), value: bp }),
]);

export const reminderSettings = z.strictObject({
  enabled: z.boolean().default(true),
  /** Under this, after a spend, the client is reminded: an amount, or a % of her last top-up. */
  wallet: threshold.default({ kind: 'amount', value: 5_000 }),
  giftCard: threshold.default({ kind: 'amount', value: 1_000 }),
  channels: z
    .array(z.enum(['sms', 'email']))
    .min(1)
    .max(2)
    .default(['sms', 'email']),
  minIntervalDays: z.number().int().min(1).max(365).default(7),
  /** Store-local window when no SMS goes out (it waits until the end). */
  quietHours: z.strictObject({ start: hhmm, end: hhmm }).default({ start: '21:00', end: '08:00' }),
});

export const tierSettings = z.strictObject({
  basis: z.enum(['spend', 'points']).default('spend'),
  windowMonths: z.number().int().min(1).max(36).default(12),
  /** Whether money put on a wallet or a gift card counts as spend (it is paid for again when used). */
  countTopUps: z.boolean().default(false),
});

export const ledgerSettings = z.strictObject({
  wallet: walletSettings.default(walletSettings.parse({})),
  giftCards: giftCardSettings.default(giftCardSettings.parse({})),
  points: pointsSettings.default(pointsSettings.parse({})),
  reminders: reminderSettings.default(reminderSettings.parse({})),
  tiers: tierSettings.default(tierSettings.parse({})),
});
export type LedgerSettings = z.infer<typeof ledgerSettings>;
export type WalletSettings = LedgerSettings['wallet'];
export type GiftCardSettings = LedgerSettings['giftCards'];
export type PointsSettings = LedgerSettings['points'];
export type ReminderSettings = LedgerSettings['reminders'];
export type TierSettings = LedgerSettings['tiers'];

export const DEFAULT_SETTINGS: LedgerSettings = ledgerSettings.parse({});

const ROW_ID = 'business';

// The last document parsed, by its text: a checkout reads the settings in several hooks, and the zod parse
// costs more than the read. Shared: callers only read it.
let lastParsed: { text: string; settings: LedgerSettings } | null = null;

export async function loadLedgerSettings(db: Executor): Promise<{ settings: LedgerSettings; version: number }> {
  const row = await db.selectFrom('ledger_settings').select(['settings', 'version']).where('id', '=', ROW_ID).executeTakeFirst();
  if (!row) return { settings: DEFAULT_SETTINGS, version: 0 };
  if (lastParsed?.text !== row.settings) {
    const parsed = ledgerSettings.safeParse(JSON.parse(row.settings));
    lastParsed = { text: row.settings, settings: parsed.success ? parsed.data : DEFAULT_SETTINGS };
  }
  return { settings: lastParsed.settings, version: row.version };
}

/** Writes the whole settings document with optimistic concurrency; `version` 0 means "none saved yet". */
export async function saveLedgerSettings(
  tx: Executor,
  next: LedgerSettings,
  version: number,
  ctx: AuditContext,
): Promise<{ settings: LedgerSettings; version: number }> {
  const { settings: before, version: current } = await loadLedgerSettings(tx);
  if (version !== current) throw PlatformErrors.stale_version();
  const json = JSON.stringify(next);
  if (current === 0) {
    const res = await tx
      .insertInto('ledger_settings')
      .values({ id: ROW_ID, settings: json, version: 1, updated_by: ctx.actorId, updated_at: ctx.now })
      .onConflict((oc) => oc.column('id').doNothing())
      .executeTakeFirst();
    if (Number(res.numInsertedOrUpdatedRows ?? 0n) !== 1) throw PlatformErrors.stale_version();
  } else {
    const res = await tx
      .updateTable('ledger_settings')
      .set({ settings: json, version: current + 1, updated_by: ctx.actorId, updated_at: ctx.now })
      .where('id', '=', ROW_ID)
      .where('version', '=', current)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw PlatformErrors.stale_version();
  }
  await writeAudit(tx, ctx, { action: 'ledgers.settings.update', entityType: 'ledger_settings', entityId: ROW_ID, before, after: next });
  return { settings: next, version: current + 1 };
}
