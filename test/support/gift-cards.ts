// Shared set-up of the gift card tests: a business with a second store, a manager and a front desk, and
// the two ledger moves those tests make outside checkout (sell a card, pay with one).
import { withTransaction } from '../../src/server/db/tx.js';
import { completeSaleLine, generateCode, redeem, resolveSaleLine } from '../../src/server/modules/gift-cards/index.js';
import { newId } from '../../src/server/platform/ids.js';
import { addStaff, addStore, type Session, setUpBusiness, type TestApp } from './app.js';

const TZ = 'America/New_York';

export type GiftCardShop = { owner: Session; storeId: string; otherStoreId: string; manager: Session; frontDesk: Session };

/** Owner's store (Flushing) plus Richmond; a manager and a front desk of the first store. */
export async function setUpGiftCardShop(t: TestApp): Promise<GiftCardShop> {
  const { owner, storeId } = await setUpBusiness(t);
  const otherStoreId = (await addStore(owner, { name: 'Richmond' })).id as string;
  const manager = (await addStaff(t, owner, { role: 'manager', storeIds: [storeId], email: 'manager@lotus.test' })).session;
  const frontDesk = (await addStaff(t, owner, { role: 'front_desk', storeIds: [storeId], email: 'desk@lotus.test' })).session;
  return { owner, storeId, otherStoreId, manager, frontDesk };
}

/**
 * `sell` activates a card the way checkout does (resolve the line on the open ticket, complete it);
 * `pay` redeems from a card as a tender. `env` is read at call time (the app starts in beforeAll).
 */
export function giftCardTill(env: () => { t: TestApp; storeId: string }, refPrefix: string) {
  let ref = 0;
  const db = () => env().t.db.db;
  const now = () => env().t.clock.now();
  const sell = async (amount: number, at = env().storeId, code = generateCode()) => {
    const data = await resolveSaleLine(db(), { code, amount }, now());
    const card = await withTransaction(db(), ({ tx }) =>
      completeSaleLine(tx, data, { amount, storeId: at, saleId: newId(), lineRef: newId(), actorId: null, now: now(), tz: TZ }),
    );
    return { code, card };
  };
  const pay = (code: string, amount: number, at = env().storeId) =>
    withTransaction(db(), ({ tx }) =>
      redeem(tx, {
        code,
        amount,
        storeId: at,
        refType: 'test_tender',
        refId: `${refPrefix}-${++ref}`,
        clientId: null,
        actorId: null,
        now: now(),
        tz: TZ,
      }),
    );
  return { sell, pay };
}
