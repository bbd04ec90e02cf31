// HQ limits one client's stored value to some stores (or lifts the limit), with a reason. By default a
// wallet pays in every store; the business-wide list in settings still applies on top of this one.
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button.js';
import { Dialog } from '../../../components/Dialog.js';
import { Field } from '../../../components/Field.js';
import { Checkbox, Textarea } from '../../../components/Input.js';
import { ProblemAlert } from '../../../components/ProblemAlert.js';
import { useMe } from '../../auth/session.js';
import { setWalletStores } from '../api.js';
import { Segmented } from '../components/Segmented.js';
import type { WalletSummary } from '../types.js';

export function WalletStoresDialog({
  clientId,
  wallet,
  open,
  onClose,
  onDone,
}: {
  clientId: string;
  wallet: WalletSummary;
  open: boolean;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const [limited, setLimited] = useState<'all' | 'some'>(wallet.storeLimit ? 'some' : 'all');
  const [storeIds, setStoreIds] = useState<string[]>(wallet.storeLimit?.storeIds ?? []);
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const mutation = useMutation({
    mutationFn: () =>
      setWalletStores(clientId, {
        storeIds: limited === 'some' ? storeIds : null,
        reason: reason.trim(),
        version: wallet.storeLimit?.version ?? 0,
      }),
    onSuccess: () => onDone(),
  });
  const reasonError = tried && reason.trim().length < 3 ? t('balances.adjust.reasonRequired') : undefined;
  const storesError = tried && limited === 'some' && storeIds.length === 0 ? t('balances.wallet.stores.pickOne') : undefined;
  const submit = () => {
    setTried(true);
    if (reason.trim().length >= 3 && (limited === 'all' || storeIds.length > 0)) mutation.mutate();
  };
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={t('balances.wallet.stores.title')}
      icon="lock"
      testId="wallet-stores-dialog"
      className="sm:max-w-lg"
      footer={
        <>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button variant="primary" onClick={submit} loading={mutation.isPending} data-testid="wallet-stores-submit">
            {t('balances.wallet.stores.save')}
          </Button>
        </>
      }
    >
      <form
        className="space-y-4 pt-1"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <p>{t('balances.wallet.stores.body')}</p>
        <Segmented
          label={t('balances.wallet.stores.title')}
          value={limited}
          onChange={setLimited}
          options={[
            { value: 'all', label: t('balances.wallet.stores.every'), testId: 'wallet-stores-all' },
            { value: 'some', label: t('balances.wallet.stores.some'), testId: 'wallet-stores-some' },
          ]}
        />
        {limited === 'some' ? (
          <Field label={t('balances.wallet.stores.which')} error={storesError}>
            <div className="space-y-2" data-testid="wallet-stores-list">
              {me.stores.map((s) => (
                <Checkbox
                  key={s.id}
                  label={s.name}
                  checked={storeIds.includes(s.id)}
                  onChange={(e) => setStoreIds((ids) => (e.target.checked ? [...ids, s.id] : ids.filter((id) => id !== s.id)))}
                />
              ))}
            </div>
          </Field>
        ) : null}
        <Field label={t('balances.adjust.reason')} error={reasonError} hint={t('balances.adjust.reasonHint')}>
          <Textarea
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            maxLength={500}
            rows={2}
            data-testid="wallet-stores-reason"
          />
        </Field>
        {mutation.error ? <ProblemAlert error={mutation.error} testId="wallet-stores-error" /> : null}
        <button type="submit" className="hidden" aria-hidden="true" tabIndex={-1} />
      </form>
    </Dialog>
  );
}
