import { useTranslation } from 'react-i18next';
import { Badge } from '../../components/Badge.js';
import { cx } from '../../components/cx.js';
import { Drawer } from '../../components/Drawer.js';
import type { AuditEntry } from '../../http/types.js';
import { diff, showValue } from '../../lib/diff.js';
import { useFormat } from '../../lib/format.js';

/** One audit entry, with its before/after values compared field by field. */
export function AuditDetail({ entry, storeName, onClose }: { entry: AuditEntry; storeName: string; onClose: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const rows = diff(entry.before, entry.after);
  const changed = rows.filter((r) => r.kind !== 'same');
  const unchanged = rows.filter((r) => r.kind === 'same');
  const facts: [string, string][] = [
    [t('audit.columns.when'), format.dateTime(entry.at)],
    [t('audit.columns.who'), entry.actor?.name ?? t('audit.system')],
    [t('audit.columns.entity'), `${entry.entityType}${entry.entityId ? ` · ${entry.entityId}` : ''}`],
    ...(storeName ? ([[t('audit.columns.store'), storeName]] as [string, string][]) : []),
    ...(entry.ip ? ([[t('audit.columns.ip'), entry.ip]] as [string, string][]) : []),
  ];
  return (
    <Drawer open onClose={onClose} title={entry.action} description={t('audit.detailTitle')} width="max-w-2xl" testId="audit-detail">
      <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2 text-sm">
        {facts.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-zinc-500">{label}</dt>
            <dd className="break-all text-zinc-900">{value}</dd>
          </div>
        ))}
      </dl>
      <h3 className="mb-2 mt-6 text-sm font-semibold text-zinc-900">{t('audit.changes')}</h3>
      {rows.length === 0 ? (
        <p className="text-sm text-zinc-500">{t('audit.noData')}</p>
      ) : changed.length === 0 ? (
        <p className="text-sm text-zinc-500">{t('audit.noChanges')}</p>
      ) : (
        <DiffTable rows={changed} />
      )}
      {unchanged.length > 0 ? (
        <details className="mt-4 text-sm">
          <summary className="cursor-pointer text-zinc-500 hover:text-zinc-800">
            {t('audit.unchanged', { count: unchanged.length })}
          </summary>
          <div className="mt-2">
            <DiffTable rows={unchanged} />
          </div>
        </details>
      ) : null}
    </Drawer>
  );
}

function DiffTable({ rows }: { rows: ReturnType<typeof diff> }) {
  const { t } = useTranslation();
  return (
    <div className="overflow-hidden rounded-xl ring-1 ring-zinc-200" data-testid="audit-diff">
      <table className="w-full table-fixed text-left text-sm">
        <thead className="bg-zinc-50 text-xs font-medium uppercase tracking-wide text-zinc-500">
          <tr>
            <th className="w-1/4 px-3 py-2">{t('audit.field')}</th>
            <th className="px-3 py-2">{t('audit.before')}</th>
            <th className="px-3 py-2">{t('audit.after')}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100 font-mono text-xs">
          {rows.map((row) => (
            <tr key={row.path} className="align-top">
              <td className="break-all px-3 py-2 text-zinc-700">
                {row.path}
                {row.kind === 'added' ? (
                  <Badge tone="success" className="ml-1 font-sans">
                    {t('audit.added')}
                  </Badge>
                ) : row.kind === 'removed' ? (
                  <Badge tone="danger" className="ml-1 font-sans">
                    {t('audit.removed')}
                  </Badge>
                ) : null}
              </td>
              <td
                className={cx(
                  'break-all px-3 py-2',
                  row.kind !== 'same' && row.kind !== 'added' && 'bg-red-50 text-red-800 line-through decoration-red-300',
                )}
              >
                {showValue(row.before)}
              </td>
              <td className={cx('break-all px-3 py-2', row.kind !== 'same' && row.kind !== 'removed' && 'bg-emerald-50 text-emerald-800')}>
                {showValue(row.after)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
