// Replacing a lost gift card (a manager): what is left on it moves to a new card — a blank card scanned
// here, or a code the server generates and shows once — with a reason. The old card stops working.
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button.js';
import { Dialog } from '../../../components/Dialog.js';
import { Field } from '../../../components/Field.js';
import { Input, Select, Textarea } from '../../../components/Input.js';
import { ProblemAlert } from '../../../components/ProblemAlert.js';
import { useMe } from '../../auth/session.js';
import { useCurrentStore } from '../../shell/CurrentStore.js';
import { replaceGiftCard } from '../api.js';
import { useMoney } from '../money.js';
import type { GiftCard } from '../types.js';

const REASON_MIN = 3;

export function ReplaceGiftCardDialog({
  card,
  open,
  onClose,
  onReplaced,
}: {
  card: GiftCard;
  open: boolean;
  onClose: () => void;
  /** After the move: the new card's id (to open it). */
  onReplaced: (newCardId: string) => void;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const { store } = useCurrentStore();
  const { m } = useMoney();
  const [reason, setReason] = useState('');
  const [code, setCode] = useState('');
  const [storeId, setStoreId] = useState(store?.id ?? me.stores[0]?.id ?? '');
  const [tried, setTried] = useState(false);
  const mutation = useMutation({
    mutationFn: () => replaceGiftCard(card.id, { reason: reason.trim(), storeId, ...(code.trim() ? { code: code.trim() } : {}) }),
  });
  const done = mutation.data;
  const reasonError = tried && reason.trim().length < REASON_MIN ? t('balances.adjust.reasonRequired') : undefined;
  const submit = () => {
    setTried(true);
    if (reason.trim().length >= REASON_MIN && storeId) mutation.mutate();
  };
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={t('balances.giftCards.replace.title', { card: card.maskedCode })}
      icon="refresh"
      testId="gift-card-replace-dialog"
      className="sm:max-w-lg"
      footer={
        done ? (
          <Button variant="primary" onClick={() => onReplaced(done.card.id)} data-testid="gift-card-replace-open">
            {t('balances.giftCards.replace.openNew')}
          </Button>
        ) : (
          <>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button variant="primary" onClick={submit} loading={mutation.isPending} data-testid="gift-card-replace-submit">
              {t('balances.giftCards.replace.submit', { amount: m(card.balance) })}
            </Button>
          </>
        )
      }
    >
      {done ? (
        <div className="space-y-3 pt-1" data-testid="gift-card-replace-done">
          <p>{t('balances.giftCards.replace.done', { amount: m(done.moved), card: done.card.maskedCode })}</p>
          {done.display ? (
            <div className="rounded-xl bg-orchid-50 px-4 py-3 ring-1 ring-orchid-200">
              <p className="text-xs text-orchid-800">{t('balances.giftCards.replace.newCode')}</p>
              <p className="mt-1 font-mono text-lg tracking-widest text-zinc-900" data-testid="gift-card-replace-code">
                {done.display}
              </p>
              <p className="mt-1 text-xs text-zinc-600">{t('balances.giftCards.replace.onlyOnce')}</p>
            </div>
          ) : null}
        </div>
      ) : (
        <form
          className="space-y-4 pt-1"
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <p>{t('balances.giftCards.replace.body')}</p>
          <Field label={t('balances.adjust.reason')} error={reasonError} hint={t('balances.adjust.reasonHint')}>
            <Textarea
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              maxLength={500}
              rows={2}
              data-testid="gift-card-replace-reason"
            />
          </Field>
          <Field
            label={t('balances.giftCards.replace.code')}
            hint={t('balances.giftCards.replace.codeHint')}
            optional={t('common.optional')}
          >
            <Input
              value={code}
              onChange={(e) => setCode(e.target.value)}
              maxLength={60}
              autoComplete="off"
              data-testid="gift-card-replace-code-input"
            />
          </Field>
          {me.stores.length > 1 ? (
            <Field label={t('balances.adjust.store')}>
              <Select value={storeId} onChange={(e) => setStoreId(e.target.value)} data-testid="gift-card-replace-store">
                {me.stores.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </Select>
            </Field>
          ) : null}
          {mutation.error ? <ProblemAlert error={mutation.error} testId="gift-card-replace-error" /> : null}
          <button type="submit" className="hidden" aria-hidden="true" tabIndex={-1} />
        </form>
      )}
    </Dialog>
  );
}
