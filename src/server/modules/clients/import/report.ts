// GET /clients/import/:id/report.csv: every row not imported and why, in the reader's language.
import { stringify } from 'csv-stringify/sync';
import type { Deps } from '../../../deps.js';
import type { Actor } from '../../../http/actor.js';
import { type AuditContext, writeAudit } from '../../../platform/audit.js';
import { AppError, describeError } from '../../../platform/errors.js';
import type { Language } from '../../../platform/i18n.js';
import type { RowIssue } from './mapping.js';
import { describeIssue, describeReason } from './reasons.js';
import { reportRows } from './repo.js';
import type { ImportOptions } from './schemas.js';
import { loadVisible } from './service.js';

/** Every row not imported and why, as CSV (UTF-8 with BOM for Excel): row, outcome, reason, then the original columns. */
export async function reportCsv(
  deps: Deps,
  actor: Actor,
  id: string,
  lang: Language,
  ctx: AuditContext,
): Promise<{ fileName: string; csv: string }> {
  const db = deps.database.db;
  const imp = await loadVisible(db, actor, id);
  const rows = await reportRows(db, id);
  const headers = JSON.parse(imp.headers) as string[];
  const format = (JSON.parse(imp.options) as ImportOptions).dateFormat;
  const HEAD: Record<Language, [string, string, string]> = {
    en: ['Row', 'Outcome', 'Reason'],
    'zh-CN': ['行号', '结果', '原因'],
    'zh-TW': ['列號', '結果', '原因'],
  };
  const OUTCOME: Record<string, Record<Language, string>> = {
    failed: { en: 'not imported (error)', 'zh-CN': '未导入（错误）', 'zh-TW': '未匯入（錯誤）' },
    skipped: { en: 'skipped (duplicate)', 'zh-CN': '已跳过（重复）', 'zh-TW': '已略過（重複）' },
  };
  const records = rows.map((r) => {
    const details = JSON.parse(r.details);
    let reason: string;
    if (r.reason === 'save_failed') {
      const e = new AppError(details.code, 400, details.params ?? {});
      const paths = (details.errors ?? []).map((x: { path: string }) => x.path).filter(Boolean);
      reason = describeReason(
        'save_failed',
        { message: `${describeError(e, lang).detail}${paths.length ? ` (${paths.join(', ')})` : ''}` },
        lang,
      );
    } else if (r.outcome === 'failed') {
      reason = (details.issues as RowIssue[]).map((i) => describeIssue(r.row_number, i, format, lang).message).join(' ');
    } else reason = describeReason(r.reason, details, lang);
    return [String(r.row_number), OUTCOME[r.outcome]?.[lang] ?? r.outcome, reason, ...(JSON.parse(r.cells) as string[])];
  });
  await writeAudit(db, ctx, {
    action: 'client.import.report',
    entityType: 'client_import',
    entityId: id,
    storeId: imp.store_id,
    after: { rows: rows.length },
  });
  const csv = `\ufeff${stringify([[...HEAD[lang], ...headers], ...records], { record_delimiter: '\r\n' })}`;
  const base = (imp.file_name ?? 'clients.csv').replace(/\.[^.]*$/, '').replace(/[^\w.-]+/g, '_') || 'clients';
  return { fileName: `${base}-import-report.csv`, csv };
}
