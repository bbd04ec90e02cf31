import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button.js';
import { ConfirmDialog } from '../../../components/Dialog.js';
import { Field } from '../../../components/Field.js';
import { Input, Textarea } from '../../../components/Input.js';
import { Icon } from '../../../components/icons.js';
import { Card } from '../../../components/Page.js';
import { Alert, ProblemAlert } from '../../../components/ProblemAlert.js';
import { useToast } from '../../../components/Toast.js';
import { isApiError } from '../../../http/problem.js';
import { useCan } from '../../auth/session.js';
import { clientQuery, updateClient } from '../api.js';
import { type Client, HEALTH_FIELDS, type HealthData, type HealthField } from '../types.js';
import { Row } from './DetailsTab.js';

const empty = (): Record<HealthField, string> => ({ allergies: '', conditions: '', medications: '', skinType: '', contraindications: '' });

function toDraft(h: HealthData | null | undefined): Record<HealthField, string> {
  const d = empty();
  for (const k of HEALTH_FIELDS) d[k] = h?.[k] ?? '';
  return d;
}

/**
 * Health data (only with clients.health). Stored encrypted; the server records every read in the audit
 * log, so this tab shows what the card already carries rather than fetching again.
 */
export function HealthTab({ client }: { client: Client }) {
  const { t } = useTranslation();
  const can = useCan();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [erasing, setErasing] = useState(false);
  const [draft, setDraft] = useState(() => toDraft(client.health));
  const health = client.health ?? null;
  const canEdit = can('clients.write') && !client.mergedIntoId;

  const save = useMutation({
    mutationFn: (next: HealthData | null) => updateClient(client.id, { version: client.version, health: next }),
    onSuccess: (saved) => {
      queryClient.setQueryData(clientQuery(client.id).queryKey, saved);
      toast(t('clients.health.saved'));
      setEditing(false);
      setErasing(false);
    },
  });

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const next: HealthData = {};
    for (const k of HEALTH_FIELDS) if (draft[k].trim()) next[k] = draft[k].trim();
    save.mutate(Object.keys(next).length ? next : null);
  };

  const stale = isApiError(save.error) && save.error.code === 'stale_version';

  return (
    <div className="mx-auto max-w-3xl space-y-4" data-testid="client-health">
      <Alert tone="accent" title={t('clients.health.privateTitle')}>
        <p>{t('clients.health.privateBody')}</p>
      </Alert>
      {editing ? (
        <Card title={t('clients.health.editTitle')}>
          <form onSubmit={submit} className="space-y-5" noValidate>
            {save.error ? (
              <ProblemAlert
                error={save.error}
                action={
                  stale ? (
                    <Button
                      size="sm"
                      icon="refresh"
                      onClick={async () => {
                        const fresh = await queryClient.fetchQuery({ ...clientQuery(client.id), staleTime: 0 });
                        setDraft(toDraft(fresh.health));
                        save.reset();
                      }}
                    >
                      {t('common.reload')}
                    </Button>
                  ) : undefined
                }
              />
            ) : null}
            {HEALTH_FIELDS.map((k) => (
              <Field key={k} label={t(`clients.health.fields.${k}`)} optional={t('common.optional')} hint={t(`clients.health.hints.${k}`)}>
                {k === 'skinType' ? (
                  <Input
                    data-testid={`health-${k}`}
                    maxLength={200}
                    value={draft[k]}
                    onChange={(e) => setDraft({ ...draft, [k]: e.target.value })}
                  />
                ) : (
                  <Textarea
                    data-testid={`health-${k}`}
                    rows={2}
                    maxLength={2000}
                    value={draft[k]}
                    onChange={(e) => setDraft({ ...draft, [k]: e.target.value })}
                  />
                )}
              </Field>
            ))}
            <div className="flex justify-end gap-2">
              <Button
                onClick={() => {
                  setEditing(false);
                  setDraft(toDraft(health));
                  save.reset();
                }}
              >
                {t('common.cancel')}
              </Button>
              <Button type="submit" variant="primary" loading={save.isPending} data-testid="health-save">
                {t('common.save')}
              </Button>
            </div>
          </form>
        </Card>
      ) : (
        <Card
          title={t('clients.health.title')}
          actions={
            canEdit ? (
              <div className="flex gap-1">
                {health ? (
                  <Button size="sm" variant="danger-ghost" onClick={() => setErasing(true)} data-testid="health-erase">
                    {t('clients.health.erase')}
                  </Button>
                ) : null}
                <Button size="sm" icon="pencil" onClick={() => setEditing(true)} data-testid="health-edit">
                  {health ? t('common.edit') : t('clients.health.add')}
                </Button>
              </div>
            ) : null
          }
          bodyClassName={health ? 'px-5 py-2' : 'p-5'}
        >
          {health ? (
            <dl className="divide-y divide-zinc-100">
              {HEALTH_FIELDS.map((k) => (
                <Row key={k} label={t(`clients.health.fields.${k}`)}>
                  {health[k] ? <span className="whitespace-pre-wrap">{health[k]}</span> : null}
                </Row>
              ))}
            </dl>
          ) : (
            <p className="flex items-center gap-2 text-sm text-zinc-500">
              <Icon name="shield" className="size-4" />
              {t('clients.health.none')}
            </p>
          )}
        </Card>
      )}
      <ConfirmDialog
        open={erasing}
        onClose={() => setErasing(false)}
        onConfirm={() => save.mutate(null)}
        loading={save.isPending}
        title={t('clients.health.eraseTitle')}
        body={t('clients.health.eraseBody')}
        confirmLabel={t('clients.health.erase')}
        error={save.error ? <ProblemAlert error={save.error} /> : null}
      />
    </div>
  );
}
