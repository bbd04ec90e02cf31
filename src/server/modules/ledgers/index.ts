// Ledgers — the one balance mechanism, and the only import surface of this module.
//
// Accounts (ledger_accounts) hold a balance; entries (ledger_entries) are append-only (database triggers
// refuse UPDATE/DELETE). Every change is a posting in the caller's transaction:
//   openAccount(tx, { kind, ownerType, ownerId, subjectId? }, now) → account (created empty if missing)
//   post(tx, legs: [{ accountId, amount (signed) }], meta: { kind, refType, refId, storeId, actorId, reason, now, groupId? })
//     one guarded conditional update per leg (`balance = balance - :x WHERE id AND balance >= :x`, row
//     count checked) + the entry with its seq and balance_after; throws 422 insufficient_balance
//     (problem members available / requested / unit) and the transaction rolls back.
//   postToBook(tx, [accountIds in canonical order], meta, plan(balances) → legs)
//     locks the accounts first, lets `plan` split the movement from the locked balances (a wallet's
//     principal vs bonus), then posts like `post`; entries carry the book's seq and total after.
// reconcile(db) → ReconcileReport (sum(entries) = balance, entry counts, seq chain, no negatives);
// `npm run reconcile` prints it and exits 1 when anything is off.
//
// Also here because every balance module uses them: business-wide settings (loadLedgerSettings),
// GET /clients/:id/balances sections (registerBalanceSection), balance reminders (considerBalanceReminder
// + the `ledgers.balance_reminder` job), and visibleClient (store-scoped client lookup).
import type { Deps } from '../../deps.js';
import type { JobHandler } from '../../platform/jobs/index.js';
import { registerMergeTable } from '../clients/index.js';
import { REMINDER_JOB_KIND, reminderHandler } from './reminders.js';

// Balance reminders and points-expiry notices sent to a merged card count toward the kept card's cap.
registerMergeTable('balance_notices');

export { type BalanceSection, clientBalances, currentClientId, registerBalanceSection, visibleClient } from './balances.js';
export { reconcileCommand } from './cli.js';
export { insufficientBalance, LedgerErrors, unitText } from './errors.js';
export {
  ACCOUNT_KINDS,
  type AccountKind,
  applyMovements,
  chainProblems,
  ENTRY_KINDS,
  type EntryKind,
  isValidMovement,
  MAX_MOVEMENT,
  type OwnerType,
  UNIT_OF,
  type Unit,
} from './ledger.js';
export { formatReconcileReport, type ReconcileProblem, type ReconcileReport, reconcile } from './reconcile.js';
export {
  considerBalanceReminder,
  decideReminder,
  lastReminderDecision,
  quietUntil,
  REMINDER_JOB_KIND,
  type ReminderPayload,
  type ReminderSkip,
  reminderHandler,
  reminderThreshold,
  renderReminder,
} from './reminders.js';
export {
  type AccountKey,
  accountEntries,
  accountsOf,
  allAccountEntries,
  bookEntries,
  entriesByGroup,
  entriesByRef,
  findAccount,
  findAccountById,
  type LedgerAccount,
  type LedgerEntry,
  type Leg,
  moveOwnerBalances,
  openAccount,
  type Posted,
  type PostingMeta,
  post,
  postToBook,
} from './repo.js';
export { type ReportQuery, type ReportScope, reportQuery, reportScope } from './report-query.js';
export { ledgerRoutes, toEntryDto } from './routes.js';
export {
  DEFAULT_SETTINGS,
  type GiftCardSettings,
  type LedgerSettings,
  ledgerSettings,
  loadLedgerSettings,
  type PointsSettings,
  type ReminderSettings,
  SPEND_ORDERS,
  type SpendOrder,
  saveLedgerSettings,
  type TierSettings,
  type WalletSettings,
} from './settings.js';

/** Job handlers of this module, by kind, for the platform worker. */
export function ledgerJobHandlers(deps: Pick<Deps, 'database' | 'clock'>): Record<string, JobHandler> {
  return { [REMINDER_JOB_KIND]: reminderHandler(deps) };
}
