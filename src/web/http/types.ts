// Shapes of the Orchid HTTP API (/api/v1) used by the web app.

export type Language = 'en' | 'zh-CN' | 'zh-TW';
export type Currency = 'USD' | 'CAD';
export type Role = 'owner' | 'manager' | 'front_desk' | 'technician' | 'accountant';
export const ROLES: readonly Role[] = ['owner', 'manager', 'front_desk', 'technician', 'accountant'];

export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

export interface MeStaff {
  id: string;
  name: string;
  displayName: string;
  email: string;
  role: Role;
  language: Language;
}

export interface StoreSummary {
  id: string;
  name: string;
  slug: string;
  timeZone: string;
  currency: Currency;
}

export interface Terminal {
  id: string;
  name: string;
  storeId: string;
}

export interface Me {
  staff: MeStaff;
  business: { id: string; name: string; currency: Currency; language: Language };
  stores: StoreSummary[];
  permissions: string[];
  csrfToken: string;
  terminal: Terminal | null;
}

export interface Shift {
  open: string;
  close: string;
}

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export type WeeklyHours = Record<Weekday, Shift[]>;

export interface SpecialDate {
  date: string;
  closed: boolean;
  hours: Shift[];
  /** e.g. "Christmas Day" */
  note?: string;
}

export interface Store {
  id: string;
  name: string;
  slug: string;
  address: string | null;
  phone: string | null;
  timeZone: string;
  currency: Currency;
  hours: WeeklyHours;
  specialDates: SpecialDate[];
  version: number;
}

export interface Staff {
  id: string;
  name: string;
  displayName: string;
  email: string;
  phone: string | null;
  role: Role;
  storeIds: string[];
  language: Language;
  hasPin: boolean;
  active: boolean;
  version: number;
}

export interface TerminalStaff {
  id: string;
  displayName: string;
  role: Role;
}

export interface RoleMatrix {
  roles: { role: Role; permissions: string[] }[];
  permissions: string[];
}

export interface AuditEntry {
  id: string;
  at: string;
  actor: { id: string; name: string } | null;
  storeId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
}

export interface ApiToken {
  id: string;
  name: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
}

export interface CreatedApiToken {
  id: string;
  name: string;
  token: string;
}

export interface MailboxMessage {
  id: string;
  channel: 'email' | 'sms';
  to: string;
  subject: string | null;
  body: string;
  attachments: Array<{ filename: string; contentType: string; size: number; url: string }>;
  at: string;
}
