import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../components/Badge.js';
import { Button } from '../../components/Button.js';
import { ConfirmDialog } from '../../components/Dialog.js';
import { EmptyState } from '../../components/EmptyState.js';
import { PageHeader } from '../../components/Page.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { Loading } from '../../components/Spinner.js';
import { Table, Td, THead, Th, Tr } from '../../components/Table.js';
import { useToast } from '../../components/Toast.js';
import type { ApiToken, CreatedApiToken } from '../../http/types.js';
import { useFormat } from '../../lib/format.js';
import { Guard } from '../shell/Guard.js';
import { revokeToken, tokensQuery } from './api.js';
import { CreateTokenDialog, ShowTokenDialog } from './TokenDialogs.js';

export function TokensPage() {
  return (
    <Guard allow="tokens.manage">
      <Tokens />
    </Guard>
  );
}

function Tokens() {
  const { t } = useTranslation();
  const format = useFormat();
  const toast = useToast();
  const queryClient = useQueryClient();
  const tokens = useQuery(tokensQuery);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  const revoke = useMutation({
    mutationFn: (id: string) => revokeToken(id),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: tokensQuery.queryKey });
      toast(t('tokens.revoked', { name: revoking?.name ?? '' }));
      setRevoking(null);
    },
  });
  const expired = (token: ApiToken) => !!token.expiresAt && new Date(token.expiresAt) < new Date();

  const add = (
    <Button variant="primary" icon="plus" onClick={() => setCreating(true)} data-testid="tokens-create">
      {t('tokens.create')}
    </Button>
  );
  return (
    <div data-testid="tokens-page">
      <PageHeader title={t('tokens.title')} description={t('tokens.description')} actions={add} />
      {tokens.isPending ? (
        <Loading label={t('common.loading')} />
      ) : tokens.isError ? (
        <ProblemAlert error={tokens.error} />
      ) : tokens.data.length === 0 ? (
        <div className="rounded-xl bg-white shadow-card ring-1 ring-zinc-200">
          <EmptyState icon="key" title={t('tokens.emptyTitle')} description={t('tokens.emptyBody')} testId="tokens-empty" />
        </div>
      ) : (
        <Table data-testid="tokens-table">
          <THead>
            <tr>
              <Th>{t('tokens.columns.name')}</Th>
              <Th>{t('tokens.columns.created')}</Th>
              <Th>{t('tokens.columns.expires')}</Th>
              <Th>{t('tokens.columns.lastUsed')}</Th>
              <Th>
                <span className="sr-only">{t('common.actions')}</span>
              </Th>
            </tr>
          </THead>
          <tbody>
            {tokens.data.map((token) => (
              <Tr key={token.id} data-testid="token-row">
                <Td className="font-medium text-zinc-900">{token.name}</Td>
                <Td className="whitespace-nowrap">{format.date(token.createdAt)}</Td>
                <Td className="whitespace-nowrap">
                  {token.expiresAt ? format.date(token.expiresAt) : <span className="text-zinc-400">{t('tokens.never')}</span>}
                  {expired(token) ? (
                    <Badge tone="danger" className="ml-2">
                      {t('tokens.expired')}
                    </Badge>
                  ) : null}
                </Td>
                <Td className="whitespace-nowrap">
                  {token.lastUsedAt ? format.dateTime(token.lastUsedAt) : <span className="text-zinc-400">{t('tokens.neverUsed')}</span>}
                </Td>
                <Td className="text-right">
                  <Button size="sm" variant="danger-ghost" onClick={() => setRevoking(token)} data-testid="token-revoke">
                    {t('tokens.revoke')}
                  </Button>
                </Td>
              </Tr>
            ))}
          </tbody>
        </Table>
      )}
      <CreateTokenDialog open={creating} onClose={() => setCreating(false)} onCreated={setCreated} />
      <ShowTokenDialog token={created} onClose={() => setCreated(null)} />
      <ConfirmDialog
        open={revoking !== null}
        onClose={() => {
          setRevoking(null);
          revoke.reset();
        }}
        onConfirm={() => revoking && revoke.mutate(revoking.id)}
        loading={revoke.isPending}
        title={t('tokens.revokeTitle', { name: revoking?.name ?? '' })}
        body={t('tokens.revokeBody')}
        confirmLabel={t('tokens.revoke')}
        error={revoke.error ? <ProblemAlert error={revoke.error} /> : null}
        testId="token-revoke-dialog"
      />
    </div>
  );
}
