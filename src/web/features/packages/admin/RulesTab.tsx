// Recommendation rules: "when Basic Cleansing is finished (or 2 sessions remain), suggest Advanced Repair".
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Navigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../../components/Badge.js';
import { Button } from '../../../components/Button.js';
import { EmptyState } from '../../../components/EmptyState.js';
import { Switch } from '../../../components/Input.js';
import { ProblemAlert } from '../../../components/ProblemAlert.js';
import { Loading } from '../../../components/Spinner.js';
import { Table, Td, THead, Th, Tr } from '../../../components/Table.js';
import { useCan } from '../../auth/session.js';
import { PACKAGES_KEY, rulesQuery, templatesQuery, updateRule } from '../api.js';
import { useTr } from '../format.js';
import { PackageIcon } from '../icons.js';
import type { Rule } from '../types.js';
import { RuleDialog } from './RuleDialog.js';

export function RulesTab() {
  const can = useCan();
  if (!can('packages.manage')) return <Navigate to="/packages/reports" replace />;
  return <Rules />;
}

function Rules() {
  const { t } = useTranslation();
  const tr = useTr();
  const queryClient = useQueryClient();
  const rules = useQuery(rulesQuery);
  const templates = useQuery(templatesQuery({ includeInactive: true }));
  const [editing, setEditing] = useState<Rule | 'new' | null>(null);
  const toggle = useMutation({
    mutationFn: (r: Rule) => updateRule(r.id, { version: r.version, active: !r.active }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: PACKAGES_KEY }),
  });
  if (rules.isPending || templates.isPending) return <Loading label={t('common.loading')} />;
  if (rules.isError) return <ProblemAlert error={rules.error} />;
  const byId = new Map((templates.data?.data ?? []).map((x) => [x.id, x]));
  const name = (id: string) => {
    const x = byId.get(id);
    return x ? tr(x.name, x.nameTranslations) : '…';
  };
  const list = rules.data.data;
  return (
    <div className="space-y-4" data-testid="rules-tab">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="max-w-2xl text-sm text-zinc-500">{t('packages.rules.intro')}</p>
        <Button
          variant="primary"
          icon="plus"
          onClick={() => setEditing('new')}
          disabled={(templates.data?.data.length ?? 0) < 1}
          data-testid="rule-new"
        >
          {t('packages.rules.new')}
        </Button>
      </div>
      <ProblemAlert error={toggle.error} />
      {list.length === 0 ? (
        <div className="rounded-xl bg-white shadow-card ring-1 ring-zinc-200">
          <EmptyState
            icon="message"
            title={t('packages.rules.emptyTitle')}
            description={t('packages.rules.emptyBody')}
            testId="rules-empty"
          />
        </div>
      ) : (
        <Table>
          <THead>
            <tr>
              <Th>{t('packages.rules.name')}</Th>
              <Th>{t('packages.rules.when')}</Th>
              <Th>{t('packages.rules.suggest')}</Th>
              <Th>{t('packages.rules.active')}</Th>
            </tr>
          </THead>
          <tbody>
            {list.map((r) => (
              <Tr key={r.id} onClick={() => setEditing(r)} data-testid="rule-row">
                <Td className="font-medium text-zinc-900">
                  {tr(r.name, r.nameTranslations)}
                  {r.sendToClient ? (
                    <Badge tone="info" className="ml-2">
                      {t('packages.rules.messagesClient')}
                    </Badge>
                  ) : null}
                </Td>
                <Td>
                  {r.trigger === 'completed'
                    ? t('packages.rules.whenCompleted', { name: name(r.fromTemplateId) })
                    : t('packages.rules.whenRemaining', { name: name(r.fromTemplateId), count: r.remaining ?? 1 })}
                </Td>
                <Td>
                  <span className="inline-flex items-center gap-1.5">
                    <PackageIcon name="sparkles" className="size-4 text-orchid-600" />
                    {name(r.toTemplateId)}
                  </span>
                </Td>
                <Td onClick={(e) => e.stopPropagation()}>
                  <Switch
                    checked={r.active}
                    onChange={() => toggle.mutate(r)}
                    label={r.active ? t('packages.rules.on') : t('packages.rules.off')}
                  />
                </Td>
              </Tr>
            ))}
          </tbody>
        </Table>
      )}
      {editing ? (
        <RuleDialog rule={editing === 'new' ? null : editing} templates={templates.data?.data ?? []} onClose={() => setEditing(null)} />
      ) : null}
    </div>
  );
}
