// Row types for Kysely. Instants are epoch milliseconds (UTC) in bigint columns on both engines;
// booleans are 0/1 integers; JSON is text. One representation keeps one code path for both engines.
import type { Generated } from 'kysely';

export type Bool = 0 | 1;

export interface BusinessTable {
  id: string;
  name: string;
  currency: string;
  language: string;
  settings: string;
  created_at: number;
  singleton: Generated<number>;
}

export interface StoresTable {
  id: string;
  name: string;
  slug: string;
  address: string | null;
  phone: string | null;
  time_zone: string;
  currency: string;
  hours: string;
  special_dates: string;
  tax_settings: string;
  archived: Bool;
  version: number;
  created_at: number;
  updated_at: number;
}

export interface StaffTable {
  id: string;
  name: string;
  display_name: string;
  email: string;
  phone: string | null;
  role: string;
  language: string;
  password_hash: string | null;
  pin_hash: string | null;
  pin_failures: number;
  pin_locked_until: number | null;
  active: Bool;
  version: number;
  created_at: number;
  updated_at: number;
}

export interface StaffStoresTable {
  staff_id: string;
  store_id: string;
}

export interface SessionsTable {
  id: string;
  staff_id: string;
  csrf_token: string;
  terminal_id: string | null;
  created_at: number;
  last_seen_at: number;
  revoked_at: number | null;
  ip: string | null;
  user_agent: string | null;
}

export interface TerminalsTable {
  id: string;
  store_id: string;
  name: string;
  token_hash: string;
  created_by: string;
  created_at: number;
  revoked_at: number | null;
}

export interface ApiTokensTable {
  id: string;
  staff_id: string;
  name: string;
  token_hash: string;
  created_at: number;
  expires_at: number | null;
  last_used_at: number | null;
  revoked_at: number | null;
}

export interface RateLimitsTable {
  key: string;
  count: number;
  reset_at: number;
}

export interface AuditLogTable {
  id: string;
  at: number;
  actor_id: string | null;
  store_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  before: string | null;
  after: string | null;
  ip: string | null;
  request_id: string | null;
}

export interface JobsTable {
  id: string;
  kind: string;
  payload: string;
  status: string; // pending | done | failed
  run_at: number;
  attempts: number;
  max_attempts: number;
  locked_by: string | null;
  locked_until: number | null;
  last_error: string | null;
  created_at: number;
  done_at: number | null;
}

export interface MessagesTable {
  id: string;
  channel: string; // email | sms
  recipient: string;
  subject: string | null;
  body: string;
  adapter: string;
  created_at: number;
}

export interface IdempotencyKeysTable {
  scope: string;
  key: string;
  request_hash: string;
  status_code: number;
  response: string;
  created_at: number;
}

export interface DB {
  business: BusinessTable;
  stores: StoresTable;
  staff: StaffTable;
  staff_stores: StaffStoresTable;
  sessions: SessionsTable;
  terminals: TerminalsTable;
  api_tokens: ApiTokensTable;
  rate_limits: RateLimitsTable;
  audit_log: AuditLogTable;
  jobs: JobsTable;
  messages: MessagesTable;
  idempotency_keys: IdempotencyKeysTable;
}

export type { Generated };
