// Scenario builders for the ledger suites: a business, clients, wallets with money on them.
import { withTransaction } from '../../src/server/db/tx.js';
import { topUp } from '../../src/server/modules/wallet/index.js';
import { type Session, setUpBusiness, type TestApp } from './app.js';

let phoneSeq = 1000;

/** A client created through the API; returns its id. */
export async function aClient(owner: Session, storeId: string, extra: Record<string, unknown> = {}): Promise<string> {
  phoneSeq += 1;
  const res = await owner.post('/api/v1/clients', {
    firstName: 'Amy',
    lastName: `Client${phoneSeq}`,
    phone: `+1415555${String(phoneSeq).padStart(4, '0')}`,
    homeStoreId: storeId,
    ...extra,
  });
  if (res.statusCode !== 201) throw new Error(`client create failed: ${res.statusCode} ${res.body}`);
  return res.json().id as string;
}

/** Puts a paid top-up on the client's wallet through the wallet service (the checkout line does the same). */
export async function withWallet(t: TestApp, clientId: string, storeId: string, amount: number) {
  return withTransaction(t.db.db, ({ tx }) => topUp(tx, { clientId, storeId, amount, actorId: null, now: t.clock.now() }));
}

/** Saves ledger settings (merging `patch` into each section) as the owner. */
export async function setLedgerSettings(owner: Session, patch: Record<string, Record<string, unknown>>) {
  const current = (await owner.get('/api/v1/ledgers/settings')).json();
  const settings = { ...current.settings };
  for (const [k, v] of Object.entries(patch)) settings[k] = { ...settings[k], ...v };
  const res = await owner.put('/api/v1/ledgers/settings', { version: current.version, settings });
  if (res.statusCode !== 200) throw new Error(`settings failed: ${res.statusCode} ${res.body}`);
  return res.json();
}

export async function business(t: TestApp) {
  return setUpBusiness(t);
}
