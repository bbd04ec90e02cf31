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

let idemSeq = 0;
export const idempotencyKey = () => ({ 'idempotency-key': `ledger-test-${++idemSeq}-${process.pid}` });

export type Ticket = { id: string; version: number; total: number; lines: Array<{ id: string; total: number; kind: string }> };

/** The checkout API as the front desk uses it: open a ticket, take payment, refund. */
export function till(owner: Session, storeId: string) {
  return {
    async ticket(clientId: string | null, lines: Array<Record<string, unknown>>, discount?: Record<string, unknown>): Promise<Ticket> {
      const res = await owner.post('/api/v1/sales', { storeId, clientId, lines, ...(discount ? { discount } : {}) });
      if (res.statusCode !== 201) throw new Error(`ticket failed: ${res.statusCode} ${res.body}`);
      return res.json();
    },
    complete: (sale: { id: string; version: number }, tenders: Array<Record<string, unknown>>) =>
      owner.post(`/api/v1/sales/${sale.id}/complete`, { version: sale.version, tenders }, idempotencyKey()),
    refund: (saleId: string, body: Record<string, unknown> = {}) =>
      owner.post(`/api/v1/sales/${saleId}/refunds`, { reason: 'test refund', ...body }, idempotencyKey()),
    void: (saleId: string) => owner.post(`/api/v1/sales/${saleId}/void`, { reason: 'test void' }, idempotencyKey()),
  };
}

/** A service at `price` and the owner's staff id to put on its lines. */
export async function aService(owner: Session, price: number, extra: Record<string, unknown> = {}): Promise<string> {
  const res = await owner.post('/api/v1/services', { name: `Service ${price}`, durationMin: 30, price, ...extra });
  if (res.statusCode !== 201) throw new Error(`service failed: ${res.statusCode} ${res.body}`);
  return res.json().id;
}
