// Issue a coupon to clients: search and pick them (name, phone or pinyin), uses each.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button.js';
import { Dialog } from '../../components/Dialog.js';
import { Field } from '../../components/Field.js';
import { Input } from '../../components/Input.js';
import { Icon } from '../../components/icons.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { useToast } from '../../components/Toast.js';
import { useDebounced } from '../../lib/useDebounced.js';
import { clientSearchQuery } from '../clients/api.js';
import { fullName } from '../clients/format.js';
import type { ClientSummary } from '../clients/types.js';
import { type Coupon, couponsQuery, issueCoupon } from './api.js';
import { IntInput } from './parts/IntInput.js';

export function IssueCouponDialog({ coupon, onClose }: { coupon: Coupon; onClose: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [q, setQ] = useState('');
  const debounced = useDebounced(q, 200);
  const results = useQuery({ ...clientSearchQuery({ q: debounced }), enabled: debounced.trim().length > 0 });
  const [picked, setPicked] = useState<ClientSummary[]>([]);
  const [uses, setUses] = useState<number | null>(1);
  const issue = useMutation({
    mutationFn: () => issueCoupon(coupon.id, { clientIds: picked.map((c) => c.id), uses: Math.max(1, Math.min(100, uses ?? 1)) }),
    onSuccess: () => {
      toast(t('loyalty.coupons.issuedTo', { count: picked.length }));
      void queryClient.invalidateQueries({ queryKey: couponsQuery.queryKey });
      void queryClient.invalidateQueries({ queryKey: ['balances', 'client'] });
      onClose();
    },
  });
  const found = (results.data?.data ?? []).filter((c) => !picked.some((p) => p.id === c.id)).slice(0, 6);
  return (
    <Dialog
      open
      onClose={onClose}
      title={t('loyalty.coupons.issueTitle', { name: coupon.name })}
      icon="users"
      testId="coupon-issue-dialog"
      className="sm:max-w-lg"
      footer={
        <>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            variant="primary"
            disabled={picked.length === 0}
            loading={issue.isPending}
            onClick={() => issue.mutate()}
            data-testid="coupon-issue-submit"
          >
            {t('loyalty.coupons.issueTo', { count: picked.length })}
          </Button>
        </>
      }
    >
      <div className="space-y-4 pt-1">
        <Field label={t('loyalty.coupons.findClients')}>
          <Input
            value={q}
            onChange={(e) => setQ(e.target.value)}
            placeholder={t('loyalty.coupons.findPlaceholder')}
            data-testid="coupon-issue-search"
          />
        </Field>
        {found.length > 0 ? (
          <ul className="divide-y divide-zinc-100 rounded-lg ring-1 ring-zinc-200">
            {found.map((c) => (
              <li key={c.id}>
                <button
                  type="button"
                  className="flex w-full items-center gap-3 px-3 py-2 text-left hover:bg-orchid-50"
                  onClick={() => setPicked([...picked, c])}
                  data-testid="coupon-issue-result"
                >
                  <span className="flex-1 text-sm font-medium text-zinc-900">{fullName(c)}</span>
                  <span className="text-xs tabular-nums text-zinc-500">{c.phoneDisplay}</span>
                  <Icon name="plus" className="size-4 text-orchid-600" />
                </button>
              </li>
            ))}
          </ul>
        ) : null}
        {picked.length > 0 ? (
          <ul className="flex flex-wrap gap-1.5" data-testid="coupon-issue-picked">
            {picked.map((c) => (
              <li
                key={c.id}
                className="inline-flex items-center gap-1 rounded-full bg-orchid-50 py-0.5 pl-2.5 pr-1 text-sm text-orchid-900 ring-1 ring-inset ring-orchid-200"
              >
                {fullName(c)}
                <button
                  type="button"
                  onClick={() => setPicked(picked.filter((p) => p.id !== c.id))}
                  className="rounded-full p-0.5 hover:bg-orchid-100"
                  aria-label={t('loyalty.remove')}
                >
                  <Icon name="x" className="size-3.5" />
                </button>
              </li>
            ))}
          </ul>
        ) : null}
        <Field label={t('loyalty.coupons.usesEach')}>
          <IntInput value={uses} onChange={setUses} className="w-24" />
        </Field>
        {issue.error ? <ProblemAlert error={issue.error} /> : null}
      </div>
    </Dialog>
  );
}
