import { precompiled } from '../db/compiled.js';
import type { Executor } from '../db/tx.js';
import { newId } from './ids.js';

/** Who did something, from where: passed from the route into every service call that writes. */
export type AuditContext = { actorId: string | null; ip: string | null; requestId: string | null; now: number };

export type AuditEntry = {
  storeId?: string | null;
  action: string;
  entityType: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
};

// Keys whose values never enter the audit log, whatever module writes it.
const SENSITIVE = /password|pin|token|secret|hash|allerg|condition|medication|contraindication|health|skin/i;

function maskReplacer(key: string, value: unknown): unknown {
  return SENSITIVE.test(key) ? '***' : value;
}

export const AUDIT_COLUMNS = [
  'id',
  'at',
  'actor_id',
  'store_id',
  'action',
  'entity_type',
  'entity_id',
  'before',
  'after',
  'ip',
  'request_id',
] as const;
// Every write audits: one statement compiled once, not built per call.
export const insertAuditRow = precompiled(AUDIT_COLUMNS, (db, p) => db.insertInto('audit_log').values(p));

/** The audit_log row of an entry (for a statement that writes it along with others). */
export function auditRow(ctx: AuditContext, entry: AuditEntry): { [K in (typeof AUDIT_COLUMNS)[number]]: string | number | null } {
  // Masked while serialising (the replacer sees every key once): no masked copy of the record is built.
  const json = (v: unknown) => (v === undefined ? null : JSON.stringify(v, maskReplacer));
  return {
    id: newId(),
    at: ctx.now,
    actor_id: ctx.actorId ?? null,
    store_id: entry.storeId ?? null,
    action: entry.action,
    entity_type: entry.entityType,
    entity_id: entry.entityId ?? null,
    before: json(entry.before),
    after: json(entry.after),
    ip: ctx.ip ?? null,
    request_id: ctx.requestId ?? null,
  };
}

/** Appends one audit row inside the caller's transaction: the action and its record commit together. */
export async function writeAudit(db: Executor, ctx: AuditContext, entry: AuditEntry): Promise<void> {
  await insertAuditRow(db, auditRow(ctx, entry));
}
