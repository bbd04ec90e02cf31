import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../../components/Badge.js';
import { Button } from '../../../components/Button.js';
import { EmptyState } from '../../../components/EmptyState.js';
import { Switch } from '../../../components/Input.js';
import { PageHeader } from '../../../components/Page.js';
import { ProblemAlert } from '../../../components/ProblemAlert.js';
import { Loading } from '../../../components/Spinner.js';
import { Table, Td, THead, Th, Tr } from '../../../components/Table.js';
import { Guard } from '../../shell/Guard.js';
import { customFieldsQuery } from '../api.js';
import { labelIn, optionLabel } from '../customValues.js';
import type { CustomFieldDef } from '../types.js';
import { CustomFieldDrawer } from './CustomFieldDrawer.js';

export function CustomFieldsPage() {
  return (
    <Guard allow="clients.fields">
      <FieldList />
    </Guard>
  );
}

function FieldList() {
  const { t, i18n } = useTranslation();
  const [showArchived, setShowArchived] = useState(false);
  const fields = useQuery(customFieldsQuery(true));
  const [editing, setEditing] = useState<CustomFieldDef | 'new' | null>(null);
  const all = fields.data?.data ?? [];
  const shown = all.filter((f) => showArchived || !f.archived);

  return (
    <div data-testid="custom-fields-page">
      <PageHeader
        title={t('clients.customFields.title')}
        description={t('clients.customFields.subtitle')}
        actions={
          <Button variant="primary" icon="plus" onClick={() => setEditing('new')} data-testid="custom-field-add">
            {t('clients.customFields.add')}
          </Button>
        }
      />
      {all.some((f) => f.archived) ? (
        <div className="mb-4">
          <Switch checked={showArchived} onChange={setShowArchived} label={t('clients.customFields.showArchived')} />
        </div>
      ) : null}
      {fields.isPending ? (
        <Loading label={t('common.loading')} />
      ) : fields.isError ? (
        <ProblemAlert error={fields.error} />
      ) : shown.length === 0 ? (
        <div className="rounded-xl bg-white shadow-card ring-1 ring-zinc-200">
          <EmptyState
            icon="sliders"
            testId="custom-fields-empty"
            title={t('clients.customFields.emptyTitle')}
            description={t('clients.customFields.emptyBody')}
            action={
              <Button variant="primary" icon="plus" onClick={() => setEditing('new')}>
                {t('clients.customFields.add')}
              </Button>
            }
          />
        </div>
      ) : (
        <Table data-testid="custom-fields-table">
          <THead>
            <tr>
              <Th>{t('clients.customFields.columns.label')}</Th>
              <Th>{t('clients.customFields.columns.type')}</Th>
              <Th className="hidden md:table-cell">{t('clients.customFields.columns.options')}</Th>
              <Th>{t('clients.customFields.columns.required')}</Th>
            </tr>
          </THead>
          <tbody>
            {shown.map((f) => (
              <Tr key={f.id} onClick={() => setEditing(f)} data-testid="custom-field-row" data-key={f.key}>
                <Td>
                  <p className="font-medium text-zinc-900">{labelIn(f.labels, i18n.language, f.key)}</p>
                  <p className="font-mono text-xs text-zinc-500">{f.key}</p>
                </Td>
                <Td>{t(`clients.customFields.types.${f.type}`)}</Td>
                <Td className="hidden max-w-72 truncate md:table-cell">
                  {f.options.length ? (
                    f.options.map((o) => optionLabel(o, i18n.language)).join(', ')
                  ) : (
                    <span className="text-zinc-400">—</span>
                  )}
                </Td>
                <Td>
                  <span className="flex flex-wrap gap-1">
                    {f.required ? (
                      <Badge tone="accent">{t('clients.customFields.required')}</Badge>
                    ) : (
                      <span className="text-zinc-400">{t('clients.customFields.optionalShort')}</span>
                    )}
                    {f.archived ? <Badge>{t('clients.archived')}</Badge> : null}
                  </span>
                </Td>
              </Tr>
            ))}
          </tbody>
        </Table>
      )}
      {editing ? (
        <CustomFieldDrawer
          key={editing === 'new' ? 'new' : editing.id}
          def={editing === 'new' ? null : editing}
          takenKeys={all.map((f) => f.key)}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </div>
  );
}
