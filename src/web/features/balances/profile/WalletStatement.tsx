// The stored-value statement: one row per posting, newest first, what it did to principal and bonus and
// the balance it left (running balance). Pages of 25; the whole statement prints or exports as CSV.
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button.js';
import { cx } from '../../../components/cx.js';
import { EmptyState } from '../../../components/EmptyState.js';
import { ProblemAlert } from '../../../components/ProblemAlert.js';
import { Loading } from '../../../components/Spinner.js';
import { Table, Td, THead, Th, Tr } from '../../../components/Table.js';
import { useFormat } from '../../../lib/format.js';
import { useMe } from '../../auth/session.js';
import { balancesKey, walletStatementPage } from '../api.js';
import { useMoney } from '../money.js';
import { type StatementRow, WALLET_KINDS, type WalletKind } from '../types.js';

const isKind = (k: string): k is WalletKind => (WALLET_KINDS as readonly string[]).includes(k);

export function useWalletKindLabel(): (kind: string) => string {
  const { t } = useTranslation();
  return (kind) => (isKind(kind) ? t(`balances.kinds.wallet.${kind}`) : kind);
}

export function WalletStatement({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  const statement = useInfiniteQuery({
    queryKey: [...balancesKey(clientId), 'statement'],
    queryFn: ({ pageParam }) => walletStatementPage(clientId, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  if (statement.isPending) return <Loading label={t('common.loading')} />;
  if (statement.isError) return <ProblemAlert error={statement.error} className="m-5" />;
  const rows = statement.data.pages.flatMap((p) => p.data);
  if (rows.length === 0)
    return (
      <EmptyState
        icon="receipt"
        title={t('balances.statement.emptyTitle')}
        description={t('balances.statement.emptyBody')}
        testId="statement-empty"
      />
    );
  return (
    <div>
      <StatementTable rows={rows} />
      <StatementList rows={rows} />
      {statement.hasNextPage ? (
        <div className="flex justify-center border-t border-zinc-100 p-3">
          <Button
            size="sm"
            variant="ghost"
            onClick={() => void statement.fetchNextPage()}
            loading={statement.isFetchingNextPage}
            data-testid="statement-more"
          >
            {t('balances.statement.more')}
          </Button>
        </div>
      ) : null}
    </div>
  );
}

function useStoreName(): (id: string | null) => string {
  const me = useMe();
  return (id) => (id ? (me.stores.find((s) => s.id === id)?.name ?? '') : '');
}

const signedClass = (n: number) => (n > 0 ? 'text-emerald-700' : n < 0 ? 'text-zinc-900' : 'text-zinc-300');

function StatementTable({ rows }: { rows: StatementRow[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { m } = useMoney();
  const kind = useWalletKindLabel();
  const store = useStoreName();
  return (
    <div className="hidden sm:block [&>div]:rounded-none [&>div]:shadow-none [&>div]:ring-0">
      <Table data-testid="statement-table">
        <THead>
          <tr>
            <Th>{t('balances.statement.date')}</Th>
            <Th>{t('balances.statement.entry')}</Th>
            <Th className="text-right">{t('balances.wallet.principal')}</Th>
            <Th className="text-right">{t('balances.wallet.bonus')}</Th>
            <Th className="text-right">{t('balances.statement.balance')}</Th>
          </tr>
        </THead>
        <tbody>
          {rows.map((r) => (
            <Tr key={r.seq} data-testid="statement-row" data-kind={r.kind}>
              <Td className="whitespace-nowrap text-zinc-500">{format.dateTime(r.at)}</Td>
              <Td>
                <p className="font-medium text-zinc-900">{kind(r.kind)}</p>
                <p className="text-xs text-zinc-500">{[store(r.storeId), r.reason].filter(Boolean).join(' · ')}</p>
              </Td>
              <Td className={cx('text-right tabular-nums', signedClass(r.principal))}>
                {r.principal ? m(r.principal, { sign: true }) : '—'}
              </Td>
              <Td className={cx('text-right tabular-nums', signedClass(r.bonus))}>{r.bonus ? m(r.bonus, { sign: true }) : '—'}</Td>
              <Td className="text-right">
                <p className="font-semibold tabular-nums text-zinc-900" data-testid="statement-balance" data-value={r.balanceAfter}>
                  {m(r.balanceAfter)}
                </p>
                <p className="whitespace-nowrap text-xs tabular-nums text-zinc-400">
                  {m(r.principalAfter)} + {m(r.bonusAfter)}
                </p>
              </Td>
            </Tr>
          ))}
        </tbody>
      </Table>
    </div>
  );
}

/** On a phone: one block per posting. */
function StatementList({ rows }: { rows: StatementRow[] }) {
  const format = useFormat();
  const { m } = useMoney();
  const { t } = useTranslation();
  const kind = useWalletKindLabel();
  const store = useStoreName();
  return (
    <ul className="divide-y divide-zinc-100 sm:hidden">
      {rows.map((r) => (
        <li key={r.seq} className="flex items-start gap-3 px-4 py-3">
          <div className="min-w-0 flex-1">
            <p className="font-medium text-zinc-900">{kind(r.kind)}</p>
            <p className="text-xs text-zinc-500">{[format.dateTime(r.at), store(r.storeId)].filter(Boolean).join(' · ')}</p>
            {r.reason ? <p className="mt-0.5 text-xs text-zinc-600">{r.reason}</p> : null}
          </div>
          <div className="text-right">
            <p className={cx('font-semibold tabular-nums', signedClass(r.amount))}>{m(r.amount, { sign: true })}</p>
            <p className="text-xs tabular-nums text-zinc-500">{t('balances.statement.left', { balance: m(r.balanceAfter) })}</p>
          </div>
        </li>
      ))}
    </ul>
  );
}
