// Stored value (储值) — the module's only import surface.
//
// One wallet per client for the whole business: two ledger accounts (principal, bonus) posted together as
// a book. In checkout (registered at load): line kind `stored_value_topup` { amount } (needs a client;
// bonus by HQ rules at completion; refund returns only unspent principal and forfeits the bonus share),
// tender `stored_value` { confirmationId? } (split by the spend-order setting; refunds re-credit principal
// and bonus exactly as spent), receipt section `stored_value`.
//
// Service functions (inside the caller's transaction): topUp, spend, refundSpend, refundTopUp,
// adjustWallet, previewBonus; pure rules in split.ts (splitSpend, splitRefund, bonusFor, topUpOffer).
// Demo: seedDemoLedgers(tx, { storeIds, clientIds, now, actorId, birthdayServiceId? }) — rules, tiers, coupons,
// wallets, gift cards, points; run it before seedDemoSales (see ./demo.ts).
import { excludeFromBusinessExport } from '../clients/index.js';
import { registerBalanceSection } from '../ledgers/index.js';
import { registerWalletCheckout } from './checkout.js';
import { registerWalletMerge } from './merge.js';
import { walletSummary } from './routes.js';

export { STORED_VALUE_TENDER, TENDER_REF, TOP_UP_LINE } from './checkout.js';
export { type DemoLedgersOptions, type DemoLedgersResult, seedDemoLedgers } from './demo.js';
export { WalletErrors } from './errors.js';
export { storedValueLiability } from './liability.js';
export { mergeWallets } from './merge.js';
export { consumeConfirmation, requestConfirmation, verifyConfirmation } from './otp.js';
export { findWallet, openWallet, type Wallet } from './repo.js';
export { walletRoutes, walletSummary } from './routes.js';
export { type BonusRule, bonusFor, bonusToForfeit, type Split, splitRefund, splitSpend, topUpOffer } from './split.js';
export { fullStatement, statementCsv, walletStatement } from './statement.js';
export { adjustWallet, previewBonus, refundSpend, refundTopUp, spend, topUp } from './wallet.js';

registerWalletCheckout();
registerWalletMerge();
// One-time confirmation codes are short-lived technical rows, not business data.
excludeFromBusinessExport('wallet_otps');
registerBalanceSection({ name: 'wallet', load: (db, clientId) => walletSummary(db, clientId) });
