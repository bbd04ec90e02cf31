// Tier birthday gift: each day, clients whose birthday it is (month and day, store-independent UTC date)
// and whose tier names a birthday coupon get one use of it, once per year (the ledger entry's reference
// `<year>:<client>` makes a second run that day, or a rerun of the job, give nothing more).
import type { Kysely } from 'kysely';
import type { DB } from '../../db/tables.js';
import { withTransaction } from '../../db/tx.js';
import { entriesByRef, openAccount, post } from '../ledgers/index.js';
import { listTiers } from './service.js';

export const BIRTHDAY_JOB_KIND = 'tiers.birthday';
/** 13:00 UTC: morning in North America. */
export const BIRTHDAY_CRON = '0 13 * * *';

export async function giveBirthdayGifts(db: Kysely<DB>, now: number): Promise<{ given: number }> {
  const today = new Date(now);
  const [year, month, day] = [today.getUTCFullYear(), today.getUTCMonth() + 1, today.getUTCDate()];
  const tiers = (await listTiers(db)).filter((t) => t.active && t.birthdayGift?.couponId);
  let given = 0;
  for (const tier of tiers) {
    const couponId = tier.birthdayGift!.couponId!;
    const coupon = await db.selectFrom('coupons').select(['id', 'active']).where('id', '=', couponId).executeTakeFirst();
    if (!coupon?.active) continue;
    const clients = await db
      .selectFrom('client_tiers as ct')
      .innerJoin('clients as c', 'c.id', 'ct.client_id')
      .select('c.id')
      .where('ct.tier_id', '=', tier.id)
      .where('c.birth_month', '=', month)
      .where('c.birth_day', '=', day)
      .where('c.archived', '=', 0)
      .where('c.merged_into_id', 'is', null)
      .execute();
    for (const { id: clientId } of clients) {
      const refId = `${year}:${clientId}`;
      const done = await withTransaction(db, async ({ tx }) => {
        if ((await entriesByRef(tx, 'tier_birthday', refId)).length) return false;
        const account = await openAccount(tx, { kind: 'coupon_client', ownerType: 'client', ownerId: clientId, subjectId: couponId }, now);
        await post(tx, [{ accountId: account.id, amount: 1 }], {
          kind: 'issue',
          refType: 'tier_birthday',
          refId,
          now,
          meta: { tierId: tier.id },
        });
        return true;
      });
      if (done) given += 1;
    }
  }
  return { given };
}
