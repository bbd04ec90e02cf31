// Give this client a coupon from a campaign (uses each), from her balances tab.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button.js';
import { Dialog } from '../../../components/Dialog.js';
import { Field } from '../../../components/Field.js';
import { Input, Select } from '../../../components/Input.js';
import { ProblemAlert } from '../../../components/ProblemAlert.js';
import { useToast } from '../../../components/Toast.js';
import { balancesKey, couponsQuery, issueCoupon } from '../api.js';
import { useCouponValue } from '../couponText.js';

export function IssueCouponButton({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="sm" icon="plus" onClick={() => setOpen(true)} data-testid="client-coupon-issue">
        {t('balances.coupons.issue')}
      </Button>
      {open ? <IssueDialog clientId={clientId} onClose={() => setOpen(false)} /> : null}
    </>
  );
}

function IssueDialog({ clientId, onClose }: { clientId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const value = useCouponValue();
  const coupons = useQuery(couponsQuery);
  const usable = (coupons.data?.data ?? []).filter((c) => c.active && (c.usesLeft === null || c.usesLeft > 0));
  const [couponId, setCouponId] = useState('');
  const [uses, setUses] = useState('1');
  const chosen = couponId || usable[0]?.id || '';
  const issue = useMutation({
    mutationFn: () => issueCoupon(chosen, { clientIds: [clientId], uses: Math.max(1, Math.min(100, Number(uses) || 1)) }),
    onSuccess: () => {
      toast(t('balances.coupons.issued'));
      void queryClient.invalidateQueries({ queryKey: balancesKey(clientId) });
      void queryClient.invalidateQueries({ queryKey: couponsQuery.queryKey });
      onClose();
    },
  });
  return (
    <Dialog
      open
      onClose={onClose}
      title={t('balances.coupons.issueTitle')}
      icon="plus"
      testId="issue-coupon-dialog"
      footer={
        <>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            variant="primary"
            disabled={!chosen}
            loading={issue.isPending}
            onClick={() => issue.mutate()}
            data-testid="issue-coupon-submit"
          >
            {t('balances.coupons.issue')}
          </Button>
        </>
      }
    >
      {coupons.isSuccess && usable.length === 0 ? (
        <p>{t('balances.coupons.noCampaigns')}</p>
      ) : (
        <div className="space-y-4 pt-1">
          <Field label={t('balances.coupons.campaign')}>
            <Select value={chosen} onChange={(e) => setCouponId(e.target.value)} data-testid="issue-coupon-campaign">
              {usable.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name} · {value(c)}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t('balances.coupons.uses')}>
            <Input value={uses} onChange={(e) => setUses(e.target.value.replace(/\D/g, ''))} inputMode="numeric" className="w-24" />
          </Field>
          {issue.error ? <ProblemAlert error={issue.error} /> : null}
        </div>
      )}
    </Dialog>
  );
}
