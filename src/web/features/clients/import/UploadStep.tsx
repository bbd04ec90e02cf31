import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge, type BadgeTone } from '../../../components/Badge.js';
import { Button } from '../../../components/Button.js';
import { cx } from '../../../components/cx.js';
import { Field } from '../../../components/Field.js';
import { Select } from '../../../components/Input.js';
import { Card } from '../../../components/Page.js';
import { ProblemAlert } from '../../../components/ProblemAlert.js';
import { currentLanguage } from '../../../i18n/index.js';
import { useFormat } from '../../../lib/format.js';
import { meQuery, useMe } from '../../auth/session.js';
import { useCurrentStore } from '../../shell/CurrentStore.js';
import { ClientIcon } from '../icons.js';
import { recentImportsQuery, uploadImport } from './api.js';
import type { ClientImport, ImportStatus } from './types.js';

const STATUS_TONE: Record<ImportStatus, BadgeTone> = {
  uploaded: 'neutral',
  queued: 'info',
  running: 'info',
  done: 'success',
  failed: 'danger',
};

/** Step 1: choose or drop the CSV file. */
export function UploadStep({ onUploaded }: { onUploaded: (imp: ClientImport) => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const { store } = useCurrentStore();
  const picker = useRef<HTMLInputElement>(null);
  const [storeId, setStoreId] = useState(store?.id ?? me.stores[0]?.id ?? '');
  const [dragging, setDragging] = useState(false);

  const upload = useMutation({
    mutationFn: (file: File) =>
      uploadImport(file, {
        storeId,
        csrfToken: me.csrfToken,
        language: currentLanguage(),
        refreshCsrf: async () => (await queryClient.fetchQuery({ ...meQuery, staleTime: 0 }))?.csrfToken ?? null,
      }),
    onSuccess: (imp) => {
      void queryClient.invalidateQueries({ queryKey: ['client-imports', 'recent'] });
      onUploaded(imp);
    },
  });

  const take = (files: FileList | null | undefined) => {
    const file = files?.[0];
    if (file) upload.mutate(file);
  };

  return (
    <div className="space-y-6">
      <Card>
        <div className="space-y-5">
          {me.stores.length > 1 ? (
            <Field label={t('clients.import.store')} hint={t('clients.import.storeHint')} className="max-w-sm">
              <Select data-testid="import-store" value={storeId} onChange={(e) => setStoreId(e.target.value)}>
                {me.stores.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </Select>
            </Field>
          ) : null}
          {/* biome-ignore lint/a11y/noStaticElementInteractions: a drop target for the mouse; keyboard users choose the file with the button inside */}
          <div
            data-testid="import-dropzone"
            onDragOver={(e) => {
              e.preventDefault();
              setDragging(true);
            }}
            onDragLeave={() => setDragging(false)}
            onDrop={(e) => {
              e.preventDefault();
              setDragging(false);
              take(e.dataTransfer.files);
            }}
            className={cx(
              'flex flex-col items-center justify-center rounded-2xl border-2 border-dashed px-6 py-12 text-center transition-colors',
              dragging ? 'border-orchid-500 bg-orchid-50' : 'border-zinc-300 bg-zinc-50/60',
            )}
          >
            <div className="mb-4 flex size-14 items-center justify-center rounded-2xl bg-white text-orchid-700 shadow-card ring-1 ring-zinc-200">
              <ClientIcon name="upload" className="size-7" />
            </div>
            <p className="text-base font-semibold text-zinc-900">{t('clients.import.dropTitle')}</p>
            <p className="mt-1 max-w-md text-sm text-zinc-500">{t('clients.import.dropBody')}</p>
            <input
              ref={picker}
              type="file"
              accept=".csv,.txt,.tsv,text/csv,text/plain"
              className="sr-only"
              data-testid="import-file"
              aria-label={t('clients.import.choose')}
              onChange={(e) => {
                take(e.target.files);
                e.target.value = '';
              }}
            />
            <Button
              variant="primary"
              className="mt-5"
              loading={upload.isPending}
              onClick={() => picker.current?.click()}
              data-testid="import-choose"
            >
              {t('clients.import.choose')}
            </Button>
            <p className="mt-4 text-xs text-zinc-400">{t('clients.import.formats')}</p>
          </div>
          {upload.error ? <ProblemAlert error={upload.error} testId="import-upload-error" /> : null}
        </div>
      </Card>
      <RecentImports />
    </div>
  );
}

function RecentImports() {
  const { t } = useTranslation();
  const format = useFormat();
  const recent = useQuery(recentImportsQuery);
  const items = recent.data?.data ?? [];
  if (items.length === 0) return null;
  return (
    <Card title={t('clients.import.recent')} bodyClassName="divide-y divide-zinc-100">
      {items.map((imp) => (
        <Link
          key={imp.id}
          to="/clients/import"
          search={{ id: imp.id }}
          className="flex items-center gap-3 px-5 py-3 text-sm transition-colors hover:bg-zinc-50"
        >
          <ClientIcon name="file" className="size-5 text-zinc-400" />
          <span className="min-w-0 flex-1">
            <span className="block truncate font-medium text-zinc-900">{imp.fileName ?? t('clients.import.untitled')}</span>
            <span className="block text-xs text-zinc-500">
              {format.dateTime(imp.createdAt)} · {t('clients.import.rows', { count: imp.rowCount })}
              {imp.status === 'done' ? ` · ${t('clients.import.createdShort', { count: imp.progress.created })}` : ''}
            </span>
          </span>
          <Badge tone={STATUS_TONE[imp.status]}>{t(`clients.import.status.${imp.status}`)}</Badge>
        </Link>
      ))}
    </Card>
  );
}
