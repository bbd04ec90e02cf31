// The clients module's public surface (other modules import only from here). Stable signatures:
//
// Writing clients (inside the caller's transaction — `withTransaction(db, ({ tx }) => …)`):
//   insertClient(tx, input: NewClient, ctx: AuditContext, opts?: WriteOptions): Promise<WrittenClient>
//     Normalises phone (home store's country: US for USD stores, CA for CAD) and email, validates custom
//     fields, refuses a same-phone/email client with 409 client_exists (`existingId` in the problem body)
//     unless opts.checkDuplicates === false, writes tags, consents (ConsentInput: source 'import' and the
//     file's date `at` for imports), encrypted health (needs opts.cipher) and search keys; audits
//     `client.create` unless opts.audit === false. Throws AppError: 422 invalid_phone / invalid_email with
//     errors[].path 'phone'/'email', 400 validation_failed with 'customFields.<key>', 422 unknown_home_store.
//     WriteOptions also takes caches for batches: fieldDefs (from loadFieldDefs(tx)) and countryByStore.
//   insertClients(tx, inputs: NewClient[], ctx, opts?): Promise<InsertResult[]>   (same, for batches)
//     One result per input, in order: { ok: true, client } or { ok: false, error: AppError }. A bad row
//     (invalid phone, duplicate of an existing client or of an earlier row in the batch…) does not stop
//     the others; the good rows are written with a few multi-row INSERTs (use this for imports: ~3x
//     faster than one insertClient per row).
//   updateClient(tx, id, patch: ClientPatch, ctx, opts?): Promise<WrittenClient>
//     Same checks; `patch.version` optional (given → optimistic, stale → 409 stale_version). `tags`
//     replaces the set, `customFields` and `preferences` merge, `null` clears.
//   findDuplicates(tx, { phone?: E.164 | null, email?: lower-case | null, excludeId? })
//     : Promise<Array<{ id, matchedOn: 'phone' | 'email' }>>   (merged-away cards excluded)
//   writeConsents(tx, clientId, consents: ConsentInput[], ctx)   append consent history rows
//
// Normalising (pure):
//   normalizePhone(raw, country: 'US' | 'CA' = 'US', path = 'phone'): string   E.164 or throws 422 invalid_phone
//   tryNormalizePhone(raw, country): string | null
//   normalizeEmail(raw, path = 'email'): string / tryNormalizeEmail(raw): string | null
//   countryForCurrency(currency) / countryForStore(tx, storeId, cache?) → 'US' | 'CA'
//   formatPhone(e164) → "(415) 555-0134"
//
// CSV: CLIENT_CSV_COLUMNS (+ `custom.<key>` columns) and their value formats are in ./csv-columns.ts,
//   with formatCsvBool / parseCsvBool / parseCsvList / formatCustomValue / parseCustomValue.
//
// Extension points for later modules:
//   registerMergeHook({ name, count?, move, columns? }) / registerMergeTable(table, column = 'client_id')
//   mergeCoverage() → every 'table.column' a merge moves (merge.ts's own MERGE_CORE_COLUMNS + hooks' columns)
//   registerClientStoreLink({ table, clientColumn, storeColumn })  (staff see clients served at their stores)
//
// Names: clientDisplayName({ firstName, lastName, preferredName }) → 王小明 / Amy Wang (the one rule, shared
//   with the web app: src/shared/client-name.ts); clientRowName(row) does the same for a row's columns.
//
// Demo: seedDemoClients(tx, { storeIds, now, count = 300, cipher?, seed? }) → Promise<{ clientIds }>
//   (pass cipher = createFieldCipher(deps.secrets.fieldKey) to include the few health records).
// Export: excludeFromBusinessExport(table) keeps a technical table out of GET /export/business.zip.

export { excludeFromBusinessExport } from './business-export.js';
export {
  countryForCurrency,
  formatPhone,
  normalizeEmail,
  normalizePhone,
  type PhoneCountry,
  tryNormalizeEmail,
  tryNormalizePhone,
} from './contact.js';
export * from './csv-columns.js';
export { type CustomFieldDef, type CustomFieldType, type CustomValue, checkCustomValue, validateCustomValues } from './custom-fields.js';
export { type DemoClientsOptions, seedDemoClients } from './demo.js';
export { type ClientNameParts, clientDisplayName, clientRowName } from './display-name.js';
export { ClientErrors, clientExists, invalidContact } from './errors.js';
export { type InsertResult, insertClient, insertClients } from './insert.js';
export { MERGE_CORE_COLUMNS, mergeCoverage } from './merge.js';
export { type MergeContext, type MergeHook, registerMergeHook, registerMergeTable } from './merge-hooks.js';
export { type ClientRow, customValuesByClient, findClientById, loadFieldDefs, tagsByClient } from './repo.js';
export { clientRoutes } from './routes.js';
export {
  type Birthday,
  type ClientPatch,
  CONSENT_CHANNELS,
  CONSENT_SOURCES,
  type ConsentChannel,
  type ConsentInput,
  type ConsentSource,
  type HealthData,
  type NewClient,
  PRESSURES,
  type Preferences,
} from './schemas.js';
export { explainSearch, searchClients } from './search.js';
export { parseQuery, searchTermsFor } from './search-terms.js';
export {
  countryForStore,
  findDuplicates,
  readHealth,
  updateClient,
  type WriteOptions,
  type WrittenClient,
  writeConsents,
} from './service.js';
export { type ClientStoreLink, registerClientStoreLink, visibleClientsFilter } from './visibility.js';
