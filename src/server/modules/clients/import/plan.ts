// Deciding what happens to each row: create, update, skip (duplicate) or fail. Pure: the database state a
// batch needs is looked up beforehand and passed in, so the dry run and the real run decide identically.

import { sha256Hex } from '../../../platform/crypto.js';
import { canonicalJson } from '../../../platform/idempotency.js';
import type { ClientDraft, DuplicatePolicy, RowIssue, RowResult } from './mapping.js';
import type { SkipReason } from './reasons.js';

export type MatchedOn = 'externalId' | 'phone' | 'email' | 'row';

export type Decision =
  | { kind: 'create'; row: number; draft: ClientDraft; links: string[]; warnings: RowIssue[] }
  | { kind: 'update'; row: number; draft: ClientDraft; clientId: string; links: string[]; warnings: RowIssue[] }
  | { kind: 'skip'; row: number; reason: SkipReason; matchedOn: MatchedOn; matchedRow: number | null; clientId: string | null }
  | { kind: 'fail'; row: number; issues: RowIssue[]; warnings: RowIssue[] };

/** What the database already holds for the keys of one batch. */
export type BatchLookups = {
  /** Link key (`row:…`, `ext:…`) → client id, from earlier imports. */
  links: ReadonlyMap<string, string>;
  byPhone: ReadonlyMap<string, string>;
  byEmail: ReadonlyMap<string, string>;
  /** Orchid's own export: its client_id column is an Orchid client id. */
  byId: ReadonlyMap<string, string>;
};

export type DraftKeys = { hash: string; ext: string | null; phone: string | null; email: string | null };

const keyCache = new WeakMap<ClientDraft, DraftKeys>();

/** The keys of a draft: a digest of everything mapped (same row → same key), and its identifiers. */
export function draftKeys(draft: ClientDraft, source: string): DraftKeys {
  const cached = keyCache.get(draft);
  if (cached) return cached;
  const keys = {
    hash: `row:${sha256Hex(canonicalJson(draft))}`,
    ext: draft.externalId ? `ext:${source}:${draft.externalId}` : null,
    phone: draft.phone ? `phone:${draft.phone}` : null,
    email: draft.email ? `email:${draft.email}` : null,
  };
  keyCache.set(draft, keys);
  return keys;
}

/** The keys to look up for a batch of mapped rows. */
export function lookupKeys(results: readonly RowResult[], source: string) {
  const links: string[] = [];
  const phones: string[] = [];
  const emails: string[] = [];
  const ids: string[] = [];
  for (const r of results) {
    if (!r.ok) continue;
    const k = draftKeys(r.draft, source);
    links.push(k.hash);
    if (k.ext) links.push(k.ext);
    if (r.draft.phone) phones.push(r.draft.phone);
    if (r.draft.email) emails.push(r.draft.email);
    if (source === 'orchid' && r.draft.externalId) ids.push(r.draft.externalId);
  }
  return { links, phones, emails, ids };
}

type Seen = { row: number; clientId: string };

/**
 * Remembers the rows of this run (across batches) so duplicates inside the file are caught, with a
 * pending layer for the batch in progress: committed with the batch, dropped when it rolls back.
 */
export class Planner {
  private readonly seen = new Map<string, Seen>();
  private pending = new Map<string, Seen>();

  constructor(
    private readonly policy: DuplicatePolicy,
    private readonly source: string,
  ) {}

  private find(key: string | null): Seen | undefined {
    return key ? (this.pending.get(key) ?? this.seen.get(key)) : undefined;
  }

  decide(row: number, mapped: RowResult, db: BatchLookups): Decision {
    if (!mapped.ok) return { kind: 'fail', row, issues: mapped.issues, warnings: mapped.warnings };
    const { draft, warnings } = mapped;
    const k = draftKeys(draft, this.source);
    const sameRow = this.find(k.hash);
    if (sameRow)
      return { kind: 'skip', row, reason: 'duplicate_in_file', matchedOn: 'row', matchedRow: sameRow.row, clientId: sameRow.clientId };
    const imported = db.links.get(k.hash);
    if (imported) return { kind: 'skip', row, reason: 'already_imported', matchedOn: 'row', matchedRow: null, clientId: imported };

    const match = this.match(k, draft, db);
    const links = [k.hash, ...(k.ext ? [k.ext] : [])];
    if (!match || this.policy === 'create') return { kind: 'create', row, draft, links, warnings };
    if (this.policy === 'update') return { kind: 'update', row, draft, clientId: match.clientId, links, warnings };
    return match.row !== null
      ? { kind: 'skip', row, reason: 'duplicate_in_file', matchedOn: match.on, matchedRow: match.row, clientId: match.clientId }
      : { kind: 'skip', row, reason: 'client_exists', matchedOn: match.on, matchedRow: null, clientId: match.clientId };
  }

  /** External id first (the source system's own key), then phone, then email; this file's rows before the database. */
  private match(k: DraftKeys, draft: ClientDraft, db: BatchLookups): { on: MatchedOn; clientId: string; row: number | null } | null {
    const candidates: Array<[MatchedOn, string | null, string | undefined]> = [
      [
        'externalId',
        k.ext,
        (k.ext && db.links.get(k.ext)) || (this.source === 'orchid' && draft.externalId ? db.byId.get(draft.externalId) : undefined),
      ],
      ['phone', k.phone, draft.phone ? db.byPhone.get(draft.phone) : undefined],
      ['email', k.email, draft.email ? db.byEmail.get(draft.email) : undefined],
    ];
    for (const [on, key, inDb] of candidates) {
      const inFile = this.find(key);
      if (inFile) return { on, clientId: inFile.clientId, row: inFile.row };
      if (inDb) return { on, clientId: inDb, row: null };
    }
    return null;
  }

  /** Records a created or updated row's keys (first row wins) in the pending layer. */
  record(decision: Decision, clientId: string): void {
    if (decision.kind !== 'create' && decision.kind !== 'update') return;
    const k = draftKeys(decision.draft, this.source);
    for (const key of [k.hash, k.ext, k.phone, k.email]) if (key && !this.find(key)) this.pending.set(key, { row: decision.row, clientId });
  }

  /** Replaces placeholder ids (clients created later in the batch) with the real ones; drops those not created. */
  resolve(ids: ReadonlyMap<string, string | null>): void {
    for (const [key, seen] of this.pending) {
      if (!ids.has(seen.clientId)) continue;
      const id = ids.get(seen.clientId);
      if (id) this.pending.set(key, { ...seen, clientId: id });
      else this.pending.delete(key);
    }
  }

  commit(): void {
    for (const [k, v] of this.pending) if (!this.seen.has(k)) this.seen.set(k, v);
    this.pending = new Map();
  }

  rollback(): void {
    this.pending = new Map();
  }
}

/** Report parameters of a skip (what matched, which earlier row). */
export const skipParams = (d: Extract<Decision, { kind: 'skip' }>) => ({
  matchedOn: d.matchedOn,
  ...(d.matchedRow !== null ? { row: d.matchedRow } : {}),
  ...(d.clientId ? { clientId: d.clientId } : {}),
});
