import { stringify } from 'csv-stringify/sync';
import type { Executor } from '../../db/tx.js';
import type { Actor } from '../../http/actor.js';
import { type AuditContext, writeAudit } from '../../platform/audit.js';
import {
  CLIENT_CSV_COLUMNS,
  type ClientCsvColumn,
  customFieldColumn,
  formatCsvBool,
  formatCsvList,
  formatCustomValue,
} from './csv-columns.js';
import { type ClientRow, currentConsents, customValuesByClient, loadFieldDefs, tagsByClient } from './repo.js';
import { visibleClientsFilter } from './visibility.js';

// GET /clients/export.csv: every active client the actor sees, in Orchid's own import template columns.
// Read in pages of 1,000 so the per-page lookups (tags, consent, custom values) stay bounded.

const PAGE = 1000;
const iso = (ms: number | null | undefined) => (ms == null ? '' : new Date(ms).toISOString());

export async function exportClientsCsv(
  db: Executor,
  actor: Actor,
  opts: { storeId?: string | undefined },
  ctx: AuditContext,
): Promise<{ csv: string; count: number }> {
  const defs = (await loadFieldDefs(db)).filter((d) => !d.archived);
  const stores = new Map((await db.selectFrom('stores').select(['id', 'slug']).execute()).map((s) => [s.id, s.slug]));
  const staffEmail = new Map((await db.selectFrom('staff').select(['id', 'email']).execute()).map((s) => [s.id, s.email]));
  const header = [...CLIENT_CSV_COLUMNS, ...defs.map((d) => customFieldColumn(d.key))];
  const lines: string[][] = [];
  let after = '';
  for (;;) {
    let q = db
      .selectFrom('clients')
      .selectAll()
      .where('merged_into_id', 'is', null)
      .where('archived', '=', 0)
      .where('id', '>', after)
      .orderBy('id')
      .limit(PAGE);
    if (opts.storeId) q = q.where('home_store_id', '=', opts.storeId);
    const visible = visibleClientsFilter(actor);
    if (visible) q = q.where(visible);
    const rows = await q.execute();
    if (rows.length === 0) break;
    const ids = rows.map((r) => r.id);
    const [tags, consents, custom] = [await tagsByClient(db, ids), await currentConsents(db, ids), await customValuesByClient(db, ids)];
    for (const r of rows) {
      const consent = consents.get(r.id) ?? { sms: null, email: null };
      const values: Record<ClientCsvColumn, string> = {
        client_id: r.id,
        first_name: r.first_name,
        last_name: r.last_name,
        preferred_name: r.preferred_name ?? '',
        phone: r.phone ?? '',
        email: r.email ?? '',
        birth_month: r.birth_month?.toString() ?? '',
        birth_day: r.birth_day?.toString() ?? '',
        birth_year: r.birth_year?.toString() ?? '',
        lunar_birthday: r.birth_month === null ? '' : formatCsvBool(r.birthday_lunar === 1),
        gender: r.gender ?? '',
        language: r.language,
        source: r.source ?? '',
        referrer: r.referrer ?? '',
        home_store: stores.get(r.home_store_id) ?? r.home_store_id,
        tags: formatCsvList(tags.get(r.id) ?? []),
        sms_consent: formatCsvBool(consent.sms?.granted),
        sms_consent_at: iso(consent.sms?.at),
        sms_consent_wording: consent.sms?.wordingVersion ?? '',
        email_consent: formatCsvBool(consent.email?.granted),
        email_consent_at: iso(consent.email?.at),
        email_consent_wording: consent.email?.wordingVersion ?? '',
        favourite_technician: r.favourite_staff_id ? (staffEmail.get(r.favourite_staff_id) ?? '') : '',
        pressure: r.pressure ?? '',
        focus_areas: formatCsvList(JSON.parse(r.focus_areas) as string[]),
        allergy_reminder: r.allergy_reminder ?? '',
        created_at: iso(r.created_at),
      };
      const own = custom.get(r.id) ?? {};
      lines.push([...CLIENT_CSV_COLUMNS.map((c) => values[c]), ...defs.map((d) => formatCustomValue(d, own[d.key]))]);
    }
    after = rows.at(-1)!.id;
    if (rows.length < PAGE) break;
  }
  await writeAudit(db, ctx, {
    action: 'client.export',
    entityType: 'client',
    storeId: opts.storeId ?? null,
    after: { count: lines.length, storeId: opts.storeId ?? null },
  });
  // BOM: Excel opens UTF-8 (Chinese names) correctly only with it; the importer strips it.
  return { csv: `\ufeff${stringify([header, ...lines], { record_delimiter: 'windows' })}`, count: lines.length };
}

export type ExportedRow = ClientRow;
