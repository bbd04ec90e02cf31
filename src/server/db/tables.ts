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
  /** JSON [{ filename, contentType, content }] or null. */
  attachments: string | null;
  created_at: number;
}

export interface ClientMessageLogTable {
  /** The notify job's id. */
  id: string;
  client_id: string;
  store_id: string | null;
  kind: string;
  ref: string | null;
  channel: string; // email | sms
  local_date: string | null;
  created_at: number;
}

export interface StaffCalendarFeedsTable {
  staff_id: string;
  nonce: string;
  created_at: number;
  rotated_at: number | null;
}

export interface IdempotencyKeysTable {
  scope: string;
  key: string;
  request_hash: string;
  status_code: number;
  response: string;
  created_at: number;
}

// Catalog (modules/catalog). Translations are JSON text `{ "en"?, "zh-CN"?, "zh-TW"? }`; locks a JSON array.
export interface ServiceCategoriesTable {
  id: string;
  name: string;
  name_translations: string;
  sort_order: number;
  color: string | null;
  archived: Bool;
  version: number;
  created_at: number;
  updated_at: number;
}

export interface ServicesTable {
  id: string;
  category_id: string | null;
  name: string;
  name_translations: string;
  search_text: string;
  description: string | null;
  description_translations: string;
  duration_min: number;
  buffer_before_min: number;
  buffer_after_min: number;
  processing_start_min: number | null;
  processing_min: number | null;
  price: number;
  tax_class: string;
  online_bookable: Bool;
  color: string | null;
  resource_type: string | null;
  locks: string;
  archived: Bool;
  version: number;
  created_at: number;
  updated_at: number;
}

export interface ServiceStaffTable {
  service_id: string;
  staff_id: string;
  price: number | null;
  duration_min: number | null;
}

export interface AddOnsTable {
  id: string;
  name: string;
  name_translations: string;
  search_text: string;
  price: number;
  extra_min: number;
  tax_class: string;
  archived: Bool;
  version: number;
  created_at: number;
  updated_at: number;
}

export interface ServiceAddOnsTable {
  service_id: string;
  add_on_id: string;
}

export interface ProductsTable {
  id: string;
  sku: string;
  barcode: string | null;
  name: string;
  name_translations: string;
  search_text: string;
  brand: string | null;
  price: number;
  cost: number;
  tax_class: string;
  usage: string; // retail | backbar | both
  unit: string | null; // ml | g | piece
  size: number | null;
  locks: string;
  archived: Bool;
  version: number;
  created_at: number;
  updated_at: number;
}

export interface ServiceOverridesTable {
  service_id: string;
  store_id: string;
  price: number | null;
  duration_min: number | null;
  available: Bool | null;
  updated_by: string | null;
  updated_at: number;
}

export interface ProductOverridesTable {
  product_id: string;
  store_id: string;
  price: number | null;
  available: Bool | null;
  updated_by: string | null;
  updated_at: number;
}

export interface ResourcesTable {
  id: string;
  store_id: string;
  name: string;
  type: string;
  active: Bool;
  sort_order: number;
  version: number;
  created_at: number;
  updated_at: number;
}

// Clients (modules/clients). Health data is one AES-256-GCM token (JSON inside), bound to the client id.
export interface ClientsTable {
  id: string;
  first_name: string;
  last_name: string;
  preferred_name: string | null;
  /** lower-cased "first last" without extra spaces: duplicate detection by name + birthday. */
  name_key: string;
  /** lower-cased "last first": the list order when there is no search query. */
  sort_key: string;
  phone: string | null; // E.164
  email: string | null; // lower-cased
  birth_month: number | null;
  birth_day: number | null;
  birth_year: number | null;
  birthday_lunar: Bool;
  gender: string | null;
  language: string;
  source: string | null;
  referrer: string | null;
  home_store_id: string;
  favourite_staff_id: string | null;
  pressure: string | null;
  focus_areas: string; // JSON array of strings
  allergy_reminder: string | null;
  health: string | null; // encrypted JSON
  archived: Bool;
  merged_into_id: string | null;
  last_visit_at: number | null;
  version: number;
  created_at: number;
  updated_at: number;
}

export interface ClientSearchTermsTable {
  term: string;
  client_id: string;
  /** 0 partial (token, suffix), 1 exact full name or email, 2 exact phone. */
  kind: number;
}

export interface TagsTable {
  id: string;
  name: string;
  name_key: string;
  created_at: number;
}

export interface ClientTagsTable {
  client_id: string;
  tag_id: string;
}

export interface ClientNotesTable {
  id: string;
  client_id: string;
  author_id: string | null;
  store_id: string | null;
  body: string;
  created_at: number;
}

export interface ClientConsentsTable {
  id: string;
  client_id: string;
  channel: string; // sms | email
  granted: Bool;
  at: number;
  source: string; // front_desk | online | import | api | merge
  wording_version: string | null;
  actor_id: string | null;
  created_at: number;
}

export interface CustomFieldsTable {
  id: string;
  key: string;
  type: string; // text | number | choice | multi_choice | date | yes_no
  required: Bool;
  labels: string; // JSON { en?, zh-CN?, zh-TW? }
  options: string; // JSON [{ value, labels }]
  sort_order: number;
  archived: Bool;
  version: number;
  created_at: number;
  updated_at: number;
}

export interface ClientCustomValuesTable {
  client_id: string;
  field_id: string;
  value: string; // JSON
}

export interface ClientImportsTable {
  id: string;
  store_id: string;
  status: string; // uploaded | queued | running | done | failed
  file_name: string | null;
  file_size: number;
  file_sha256: string;
  encoding: string;
  detected_encoding: string;
  encoding_confident: Bool;
  delimiter: string;
  preset: string;
  headers: string; // JSON string[]
  row_count: number;
  options: string; // JSON { dateFormat, nameOrder, duplicatePolicy }
  mapping: string; // JSON { field: columnIndex[] }
  processed: number;
  created: number;
  updated: number;
  skipped: number;
  failed: number;
  error: string | null;
  job_id: string | null;
  created_by: string | null;
  version: number;
  created_at: number;
  updated_at: number;
  started_at: number | null;
  finished_at: number | null;
}

export interface ClientImportFilesTable {
  import_id: string;
  content: Buffer;
}

export interface ClientImportRowsTable {
  import_id: string;
  row_number: number; // spreadsheet row: the header is row 1
  outcome: string; // skipped | failed
  reason: string;
  details: string; // JSON
  client_id: string | null;
  cells: string; // JSON string[]
}

export interface ClientImportLinksTable {
  key: string;
  client_id: string;
  import_id: string;
  created_at: number;
}

export interface DB {
  clients: ClientsTable;
  client_search_terms: ClientSearchTermsTable;
  tags: TagsTable;
  client_tags: ClientTagsTable;
  client_notes: ClientNotesTable;
  client_consents: ClientConsentsTable;
  custom_fields: CustomFieldsTable;
  client_custom_values: ClientCustomValuesTable;
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
  client_message_log: ClientMessageLogTable;
  staff_calendar_feeds: StaffCalendarFeedsTable;
  idempotency_keys: IdempotencyKeysTable;
  service_categories: ServiceCategoriesTable;
  services: ServicesTable;
  service_staff: ServiceStaffTable;
  add_ons: AddOnsTable;
  service_add_ons: ServiceAddOnsTable;
  products: ProductsTable;
  service_overrides: ServiceOverridesTable;
  product_overrides: ProductOverridesTable;
  resources: ResourcesTable;
  client_imports: ClientImportsTable;
  client_import_files: ClientImportFilesTable;
  client_import_rows: ClientImportRowsTable;
  client_import_links: ClientImportLinksTable;
}

export type { Generated };

// Appointments (modules/appointments). Instants epoch ms; `settings`, `service_ids`, `match` JSON text.
export interface StoreBookingSettingsTable {
  store_id: string;
  settings: string;
  version: number;
  updated_by: string | null;
  updated_at: number;
}

export interface AppointmentsTable {
  id: string;
  store_id: string;
  client_id: string | null;
  status: string; // booked | confirmed | checked_in | in_service | completed | cancelled | no_show
  source: string; // front_desk | online | phone | walk_in
  notes: string | null;
  start_at: number;
  end_at: number;
  cancel_reason: string | null;
  fee_kind: string | null; // late_cancel | no_show
  fee_amount: number | null;
  reschedule_count: number;
  manage_nonce: string;
  created_by: string | null;
  confirmed_at: number | null;
  confirmed_by: string | null;
  checked_in_at: number | null;
  checked_in_by: string | null;
  started_at: number | null;
  started_by: string | null;
  completed_at: number | null;
  completed_by: string | null;
  cancelled_at: number | null;
  cancelled_by: string | null;
  no_show_at: number | null;
  no_show_by: string | null;
  version: number;
  created_at: number;
  updated_at: number;
}

export interface AppointmentLinesTable {
  id: string;
  appointment_id: string;
  position: number;
  service_id: string;
  staff_id: string;
  staff_requested: Bool;
  resource_id: string | null;
  parallel_with_previous: Bool;
  start_at: number;
  end_at: number;
  busy_start_at: number;
  busy_end_at: number;
  buffer_before_min: number;
  buffer_after_min: number;
  processing_start_at: number | null;
  processing_end_at: number | null;
  duration_min: number;
  price: number;
  active: Bool;
  /** JSON [{ id, extraMin, price }]: add-ons as booked (0012). */
  add_ons: Generated<string>;
  /** 1 when duration_min was set by hand (a resize). */
  custom_duration: Generated<Bool>;
}

export interface StaffOccupancyTable {
  id: string;
  appointment_id: string;
  line_id: string;
  staff_id: string;
  start_at: number;
  end_at: number;
}

export interface ResourceOccupancyTable {
  id: string;
  appointment_id: string;
  line_id: string;
  resource_id: string;
  start_at: number;
  end_at: number;
}

export interface AppointmentStatusHistoryTable {
  id: string;
  appointment_id: string;
  from_status: string | null;
  to_status: string;
  at: number;
  actor_id: string | null;
  reason: string | null;
  start_at: number | null;
}

export interface WaitlistEntriesTable {
  id: string;
  store_id: string;
  client_id: string;
  service_ids: string;
  staff_id: string | null;
  date_from: string;
  date_to: string;
  time_from: string | null;
  time_to: string | null;
  notes: string | null;
  status: string; // waiting | booked | removed
  matched_at: number | null;
  match: string | null;
  appointment_id: string | null;
  created_by: string | null;
  version: number;
  created_at: number;
  updated_at: number;
}

export interface BookingOtpsTable {
  id: string;
  store_id: string;
  channel: string; // sms | email
  destination: string;
  code_hash: string;
  attempts: number;
  expires_at: number;
  consumed_at: number | null;
  created_at: number;
}

// Merged into DB above (interface declaration merging keeps this block self-contained).
export interface DB {
  store_booking_settings: StoreBookingSettingsTable;
  appointments: AppointmentsTable;
  appointment_lines: AppointmentLinesTable;
  staff_occupancy: StaffOccupancyTable;
  resource_occupancy: ResourceOccupancyTable;
  appointment_status_history: AppointmentStatusHistoryTable;
  waitlist_entries: WaitlistEntriesTable;
  booking_otps: BookingOtpsTable;
}

// Rosters (modules/rosters). Hours are JSON text of 'HH:mm' ranges in the store's time zone.
export interface StaffRostersTable {
  staff_id: string;
  store_id: string;
  hours: string; // JSON { mon: [{ open, close }], … }
  rotation_order: number;
  version: number;
  updated_by: string | null;
  created_at: number;
  updated_at: number;
}

export interface RosterExceptionsTable {
  id: string;
  staff_id: string;
  store_id: string;
  date: string; // YYYY-MM-DD, store-local
  kind: string; // time_off | break | extra_shift | custom_hours
  hours: string; // JSON [{ open, close }]; [] = the whole day (time off)
  note: string | null;
  created_by: string | null;
  created_at: number;
}

export interface BlockedTimesTable {
  id: string;
  store_id: string;
  staff_id: string;
  start_at: number;
  end_at: number;
  reason: string; // meeting | cleaning | training | break | other
  note: string | null;
  created_by: string | null;
  created_at: number;
}

// Declaration merging: the rosters' tables join the DB interface above.
export interface DB {
  staff_rosters: StaffRostersTable;
  roster_exceptions: RosterExceptionsTable;
  blocked_times: BlockedTimesTable;
}

// Ledgers (modules/ledgers, wallet, gift-cards, points, tiers, coupons). `ledger_entries` is append-only.
export interface LedgerSettingsTable {
  id: string;
  settings: string;
  version: number;
  updated_by: string | null;
  updated_at: number;
}

export interface LedgerAccountsTable {
  id: string;
  kind: string; // wallet_principal | wallet_bonus | gift_card | points | coupon_pool | coupon_client
  owner_type: string; // client | gift_card | coupon
  owner_id: string;
  subject_id: string;
  unit: string; // cents | points | uses
  balance: number;
  entry_count: number;
  book_seq: number;
  created_at: number;
  updated_at: number;
}

export interface LedgerEntriesTable {
  id: string;
  account_id: string;
  seq: number;
  amount: number;
  balance_after: number;
  book_seq: number | null;
  book_balance_after: number | null;
  kind: string;
  ref_type: string | null;
  ref_id: string | null;
  group_id: string;
  store_id: string | null;
  actor_id: string | null;
  reason: string | null;
  meta: string | null;
  created_at: number;
}

export interface WalletBonusRulesTable {
  id: string;
  name: string;
  thresholds: string;
  starts_on: string | null;
  ends_on: string | null;
  store_ids: string | null;
  first_top_up_only: Bool;
  scope: string; // hq | store
  active: Bool;
  version: number;
  created_by: string | null;
  created_at: number;
  updated_at: number;
}

export interface WalletTopUpsTable {
  id: string;
  client_id: string;
  store_id: string;
  sale_id: string | null;
  line_ref: string | null;
  principal: number;
  bonus: number;
  rule_id: string | null;
  group_id: string;
  refunded_principal: number;
  forfeited_bonus: number;
  created_by: string | null;
  created_at: number;
  updated_at: number;
}

export interface WalletOtpsTable {
  id: string;
  client_id: string;
  store_id: string;
  amount: number;
  code_hash: string;
  channel: string;
  attempts: number;
  expires_at: number;
  verified_at: number | null;
  used_at: number | null;
  created_by: string | null;
  created_at: number;
}

export interface GiftCardsTable {
  id: string;
  code_hash: string;
  code_last4: string;
  code_kind: string; // generated | scanned
  status: string; // active | void
  design: string | null;
  initial_amount: number;
  store_id: string;
  sale_id: string | null;
  line_ref: string | null;
  client_id: string | null;
  recipient_name: string | null;
  account_id: string;
  expires_at: number | null;
  activated_at: number;
  created_by: string | null;
  version: number;
  created_at: number;
  updated_at: number;
  /** The card this one's balance moved to (lost card replaced); the card is void. */
  replaced_by_id: string | null;
  replaced_at: number | null;
}

export interface WalletStoreLimitsTable {
  client_id: string;
  /** JSON array of store ids. */
  store_ids: string;
  reason: string | null;
  version: number;
  updated_by: string | null;
  updated_at: number;
}

export interface BalanceNoticesTable {
  id: string;
  client_id: string;
  kind: string; // balance_reminder | balance_reminder_skipped | points_expiry
  subject: string;
  channels: string;
  balance: number;
  /** Why no message went out (kind balance_reminder_skipped); null otherwise. */
  skipped: string | null;
  created_at: number;
}

export interface TiersTable {
  id: string;
  name: string;
  name_translations: string;
  rank: number;
  threshold: number;
  discounts: string;
  points_multiplier_bp: number;
  birthday_gift: string | null;
  active: Bool;
  version: number;
  created_at: number;
  updated_at: number;
}

export interface ClientTiersTable {
  client_id: string;
  tier_id: string | null;
  since: number;
  evaluated_at: number;
  version: number;
}

export interface TierHistoryTable {
  id: string;
  client_id: string;
  from_tier_id: string | null;
  to_tier_id: string | null;
  reason: string;
  qualifying: number;
  actor_id: string | null;
  created_at: number;
}

export interface ClientSpendTable {
  id: string;
  client_id: string;
  store_id: string;
  ref_type: string;
  ref_id: string;
  amount: number;
  points: number;
  created_at: number;
}

export interface CouponsTable {
  id: string;
  code: string | null;
  name: string;
  kind: string; // amount | percent | free_service
  value: number;
  service_id: string | null;
  max_discount: number | null;
  min_spend: number;
  starts_on: string | null;
  ends_on: string | null;
  store_ids: string | null;
  category_ids: string | null;
  per_client_limit: number | null;
  total_limit: number | null;
  pool_account_id: string | null;
  /** Combines with other coupons on the same ticket. */
  stackable: Bool;
  stacks_with_tier: Bool;
  stacks_with_manual: Bool;
  issued_only: Bool;
  active: Bool;
  version: number;
  created_by: string | null;
  created_at: number;
  updated_at: number;
}

export interface CouponRedemptionsTable {
  id: string;
  coupon_id: string;
  client_id: string | null;
  store_id: string;
  sale_id: string;
  discount: number;
  status: string; // applied | reversed
  group_id: string;
  created_at: number;
  reversed_at: number | null;
}

export interface DB {
  ledger_settings: LedgerSettingsTable;
  ledger_accounts: LedgerAccountsTable;
  ledger_entries: LedgerEntriesTable;
  wallet_bonus_rules: WalletBonusRulesTable;
  wallet_top_ups: WalletTopUpsTable;
  wallet_otps: WalletOtpsTable;
  gift_cards: GiftCardsTable;
  wallet_store_limits: WalletStoreLimitsTable;
  balance_notices: BalanceNoticesTable;
  tiers: TiersTable;
  client_tiers: ClientTiersTable;
  tier_history: TierHistoryTable;
  client_spend: ClientSpendTable;
  coupons: CouponsTable;
  coupon_redemptions: CouponRedemptionsTable;
}

// Checkout (modules/sales) and cash drawer shifts (modules/shifts). Money integer cents; JSON as text.
export interface StoreSalesSettingsTable {
  store_id: string;
  settings: string;
  version: number;
  updated_by: string | null;
  updated_at: number;
}

export interface ReceiptCountersTable {
  store_id: string;
  last_number: number;
}

export interface ShiftsTable {
  id: string;
  store_id: string;
  drawer: string;
  status: string; // open | closed
  opening_float: number;
  opening_counts: string | null;
  opened_by: string | null;
  opened_at: number;
  closed_by: string | null;
  closed_at: number | null;
  counted_cash: number | null;
  closing_counts: string | null;
  expected_cash: number | null;
  over_short: number | null;
  note: string | null;
  version: number;
  updated_at: number;
}

export interface ShiftMovementsTable {
  id: string;
  shift_id: string;
  store_id: string;
  kind: string; // paid_in | paid_out
  amount: number;
  reason: string;
  created_by: string | null;
  created_at: number;
}

export interface SalesTable {
  id: string;
  store_id: string;
  status: string; // open | completed | voided | discarded
  label: string | null;
  client_id: string | null;
  appointment_id: string | null;
  currency: string;
  note: string | null;
  ticket_discount: string | null;
  discount_approved_by: string | null;
  subtotal: number;
  discount_total: number;
  tax_total: number;
  tip_total: number;
  total: number;
  cash_rounding: number;
  amount_paid: number;
  change_due: number;
  refunded_total: number;
  receipt_number: number | null;
  receipt_code: string | null;
  business_date: string | null;
  shift_id: string | null;
  email_receipt: Bool;
  receipt_language: string | null;
  created_by: string | null;
  completed_by: string | null;
  completed_at: number | null;
  voided_by: string | null;
  voided_at: number | null;
  void_reason: string | null;
  version: number;
  created_at: number;
  updated_at: number;
}

export interface SaleLinesTable {
  id: string;
  sale_id: string;
  position: number;
  kind: string;
  ref_id: string | null;
  name: string;
  name_translations: string;
  category: string;
  tax_class: string | null;
  quantity: number;
  unit_price: number;
  list_price: number;
  price_override_reason: string | null;
  discount: string | null;
  approved_by: string | null;
  discountable: Bool;
  price_overridable: Bool;
  tip_eligible: Bool;
  staff: string;
  data: string;
  input: string;
  note: string | null;
  gross: number;
  line_discount: number;
  ticket_discount: number;
  net: number;
  tax: number;
  total: number;
  pre_tax: number;
  refunded_quantity: number;
  refunded_amount: number;
}

export interface SaleLineStaffTable {
  line_id: string;
  sale_id: string;
  staff_id: string;
  share_bp: number;
  amount: number;
}

export interface SaleTaxesTable {
  sale_id: string;
  line_id: string;
  code: string;
  /** English (the rate's default name). */
  name: string;
  /** JSON { en, zh-CN, zh-TW } as the rate had them at completion (migration 0014). */
  name_translations: Generated<string>;
  rate: string;
  amount: number;
}

export interface SaleTendersTable {
  id: string;
  sale_id: string;
  position: number;
  kind: string;
  amount: number;
  tendered: number;
  change_due: number;
  tip: number;
  data: string;
  refunded_amount: number;
  shift_id: string | null;
  created_at: number;
}

export interface SaleRefundsTable {
  id: string;
  sale_id: string;
  store_id: string;
  kind: string; // refund | void
  receipt_number: number;
  receipt_code: string;
  reason: string;
  total: number;
  tax: number;
  tip: number;
  cash_rounding: number;
  business_date: string;
  shift_id: string | null;
  created_by: string | null;
  approved_by: string | null;
  created_at: number;
}

export interface SaleRefundLinesTable {
  refund_id: string;
  line_id: string;
  quantity: number;
  net: number;
  tax: number;
  total: number;
  taxes: string;
}

export interface SaleRefundTendersTable {
  refund_id: string;
  tender_id: string;
  kind: string;
  amount: number;
  shift_id: string | null;
}

export interface SaleTipsTable {
  id: string;
  sale_id: string;
  staff_id: string;
  tender_id: string | null;
  tender_kind: string | null;
  amount: number;
  refund_id: string | null;
  created_at: number;
}

export interface DB {
  store_sales_settings: StoreSalesSettingsTable;
  receipt_counters: ReceiptCountersTable;
  shifts: ShiftsTable;
  shift_movements: ShiftMovementsTable;
  sales: SalesTable;
  sale_lines: SaleLinesTable;
  sale_line_staff: SaleLineStaffTable;
  sale_taxes: SaleTaxesTable;
  sale_tenders: SaleTendersTable;
  sale_refunds: SaleRefundsTable;
  sale_refund_lines: SaleRefundLinesTable;
  sale_refund_tenders: SaleRefundTendersTable;
  sale_tips: SaleTipsTable;
}

// Treatment packages and treatment records (modules/packages, modules/treatments; migration 0010).
export interface PackageSettingsTable {
  id: string;
  settings: string;
  version: number;
  updated_by: string | null;
  updated_at: number;
}

export interface PackageTemplatesTable {
  id: string;
  name: string;
  name_translations: string;
  description: string | null;
  description_translations: string;
  items: string; // JSON TemplateItem[]
  products: string; // JSON [{ productId, quantity }]
  price: number;
  tax_class: string | null;
  validity_kind: string; // months | fixed | none
  validity_months: number | null;
  valid_until: string | null; // YYYY-MM-DD
  store_ids: string | null; // JSON array; null = every store
  freeze_allowed: Bool;
  freeze_max_days: number;
  shareable: Bool;
  max_members: number;
  active: Bool;
  version: number;
  created_by: string | null;
  created_at: number;
  updated_at: number;
}

export interface ClientPackagesTable {
  id: string;
  client_id: string;
  template_id: string;
  name: string;
  name_translations: string;
  terms: string; // JSON PackageTerms
  store_id: string;
  sale_id: string | null;
  sale_line_id: string | null;
  price: number;
  paid_total: number;
  status: string; // active | expired | refunded | voided
  purchased_at: number;
  expires_at: number | null;
  frozen_from: number | null;
  frozen_until: number | null;
  freeze_days_used: number;
  refunded_amount: number;
  refund_fee: number;
  closed_at: number | null;
  closed_reason: string | null;
  created_by: string | null;
  version: number;
  created_at: number;
  updated_at: number;
}

export interface ClientPackageItemsTable {
  id: string;
  package_id: string;
  position: number;
  label: string;
  label_translations: string;
  service_ids: string; // JSON array
  step: number | null;
  sessions: number;
  session_values: string; // JSON number[]
  account_id: string;
}

export interface ClientPackageMembersTable {
  package_id: string;
  client_id: string;
  relation: string | null;
  added_by: string | null;
  added_at: number;
}

export interface PackageSessionsTable {
  id: string;
  package_id: string;
  item_id: string;
  client_id: string;
  store_id: string;
  service_id: string;
  staff_id: string | null;
  session_number: number;
  value: number;
  status: string; // redeemed | reversed
  source: string; // checkout | direct
  sale_id: string | null;
  sale_line_id: string | null;
  appointment_id: string | null;
  appointment_line_id: string | null;
  step_override_by: string | null;
  step_override_reason: string | null;
  group_id: string;
  redeemed_at: number;
  reversed_at: number | null;
  reversed_by: string | null;
  reverse_reason: string | null;
  created_by: string | null;
}

export interface PackageRecommendationRulesTable {
  id: string;
  name: string;
  name_translations: string; // JSON translations
  from_template_id: string;
  trigger_kind: string; // completed | remaining
  remaining: number | null;
  to_template_id: string;
  send_to_client: Bool;
  message: string; // JSON translations
  active: Bool;
  version: number;
  created_by: string | null;
  created_at: number;
  updated_at: number;
}

export interface PackageRecommendationsTable {
  id: string;
  rule_id: string;
  client_id: string;
  from_package_id: string;
  to_template_id: string;
  store_id: string;
  status: string; // open | converted | dismissed
  sent_at: number | null;
  converted_package_id: string | null;
  converted_at: number | null;
  dismissed_at: number | null;
  created_at: number;
}

export interface PackageNoticesTable {
  id: string;
  kind: string; // expiry_30 | expiry_7 | next_session | recommendation
  ref_id: string;
  client_id: string;
  channels: string;
  created_at: number;
}

export interface TreatmentTemplatesTable {
  id: string;
  name: string;
  name_translations: string;
  category_ids: string; // JSON array
  fields: string; // JSON TemplateField[]
  archived: Bool;
  version: number;
  created_by: string | null;
  created_at: number;
  updated_at: number;
}

export interface TreatmentRecordsTable {
  id: string;
  client_id: string;
  store_id: string;
  service_id: string;
  staff_id: string;
  author_id: string;
  appointment_id: string | null;
  appointment_line_id: string | null;
  package_session_id: string | null;
  template_id: string | null;
  started_at: number;
  ended_at: number | null;
  products: string; // JSON [{ productId, amount, unit }]
  technique: string | null;
  settings: string; // JSON object
  clinical: string | null; // encrypted JSON { metrics, reaction, notes, aftercare }
  next_recommended_on: string | null; // YYYY-MM-DD
  shared_with_client: Bool;
  version: number;
  created_at: number;
  updated_at: number;
}

export interface TreatmentAddendaTable {
  id: string;
  record_id: string;
  author_id: string;
  body: string; // encrypted
  created_at: number;
}

export interface TreatmentPhotosTable {
  id: string;
  record_id: string;
  client_id: string;
  kind: string; // before | after | other
  file: string;
  thumb_file: string;
  width: number;
  height: number;
  bytes: number;
  sha256: string;
  created_by: string | null;
  created_at: number;
}

export interface PortalCodesTable {
  id: string;
  client_id: string;
  channel: string;
  destination: string;
  code_hash: string;
  attempts: number;
  expires_at: number;
  consumed_at: number | null;
  created_at: number;
}

export interface PortalSessionsTable {
  id: string;
  token_hash: string;
  client_id: string;
  created_at: number;
  expires_at: number;
  revoked_at: number | null;
}

export interface DB {
  package_settings: PackageSettingsTable;
  package_templates: PackageTemplatesTable;
  client_packages: ClientPackagesTable;
  client_package_items: ClientPackageItemsTable;
  client_package_members: ClientPackageMembersTable;
  package_sessions: PackageSessionsTable;
  package_recommendation_rules: PackageRecommendationRulesTable;
  package_recommendations: PackageRecommendationsTable;
  package_notices: PackageNoticesTable;
  treatment_templates: TreatmentTemplatesTable;
  treatment_records: TreatmentRecordsTable;
  treatment_addenda: TreatmentAddendaTable;
  treatment_photos: TreatmentPhotosTable;
  portal_codes: PortalCodesTable;
  portal_sessions: PortalSessionsTable;
}
