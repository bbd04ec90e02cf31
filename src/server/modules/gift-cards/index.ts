// Gift cards (礼品卡) — the module's only import surface.
//
// In checkout (registered at load): line kind `gift_card` { code, mode?: 'new'|'reload', amount?, design?,
// recipientName?, holderClientId? } — the card is activated (or reloaded) only when the sale completes;
// tender `gift_card` { code } — partial redemption, guarded like every ledger debit. Codes: generated
// (GET /gift-cards/new-code: 'G' + 14 random base32 + a Luhn mod 32 check character) or printed/scanned.
// Only the code's SHA-256 and last four are stored. Expiry per business setting (default: none).
// A lost card is replaced (POST /gift-cards/:id/replace): its balance moves to a new card, the old one is void.
import { registerMergeTable } from '../clients/index.js';
import { registerBalanceSection } from '../ledgers/index.js';
import { balanceOf, toCardDto } from './cards.js';
import { registerGiftCardCheckout } from './checkout.js';

export {
  adjustCard,
  balanceOf,
  cardByCode,
  completeSaleLine,
  findCard,
  type GiftCardRow,
  redeem,
  refundRedemption,
  replaceCard,
  resolveSaleLine,
  statusOf,
  toCardDto,
} from './cards.js';
export { GIFT_CARD_LINE, GIFT_CARD_TENDER } from './checkout.js';
export { checkCode, displayCode, generateCode, hashCode, hasValidCheck, normalizeCode } from './code.js';
export { GiftCardErrors } from './errors.js';
export { giftCardLiability } from './liability.js';
export { giftCardRoutes } from './routes.js';

registerGiftCardCheckout();
registerMergeTable('gift_cards');
registerBalanceSection({
  name: 'giftCards',
  load: async (db, clientId, ctx) => {
    const cards = await db
      .selectFrom('gift_cards')
      .selectAll()
      .where('client_id', '=', clientId)
      .where('status', '=', 'active')
      .orderBy('created_at', 'desc')
      .execute();
    return Promise.all(cards.map(async (c) => toCardDto(c, await balanceOf(db, c), ctx.now)));
  },
});
