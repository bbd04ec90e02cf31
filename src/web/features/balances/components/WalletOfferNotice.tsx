// "Balance too low": whether the client's stored value covers an amount at a store, and if not, the
// top-up to offer with its bonus (GET /clients/:id/wallet/offer). Reusable at checkout: pass
// `onTopUp` to show a button that adds the offered top-up to the ticket.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button.js';
import { Alert, ProblemAlert } from '../../../components/ProblemAlert.js';
import { walletOfferQuery } from '../api.js';
import { useMoney } from '../money.js';

export function WalletOfferNotice({
  clientId,
  storeId,
  amount,
  onTopUp,
  className,
}: {
  clientId: string;
  storeId: string;
  amount: number;
  /** Adds a top-up of `pay` cents (with its bonus) to the ticket. */
  onTopUp?: (pay: number) => void;
  className?: string;
}) {
  const { t } = useTranslation();
  const { m } = useMoney();
  const offer = useQuery(walletOfferQuery(clientId, storeId, amount));
  if (amount <= 0) return null;
  if (offer.error) return <ProblemAlert error={offer.error} className={className} />;
  const o = offer.data;
  if (!o) return null;
  if (!o.usable)
    return (
      <Alert tone="warning" className={className} testId="wallet-offer" title={t('balances.offer.notUsable')}>
        <span data-state="not-usable" />
      </Alert>
    );
  if (o.covers)
    return (
      <Alert tone="info" className={className} testId="wallet-offer" title={t('balances.offer.covers', { amount: m(o.amount) })}>
        <p data-state="covers">{t('balances.offer.coversBody', { left: m(o.available - o.amount) })}</p>
      </Alert>
    );
  return (
    <Alert
      tone="warning"
      className={className}
      testId="wallet-offer"
      title={t('balances.offer.short', { available: m(o.available), amount: m(o.amount) })}
      action={
        onTopUp && o.offer ? (
          <Button size="sm" variant="primary" onClick={() => onTopUp(o.offer!.pay)} data-testid="wallet-offer-top-up">
            {t('balances.offer.addTopUp', { amount: m(o.offer.pay) })}
          </Button>
        ) : undefined
      }
    >
      <p data-state="short">
        {t('balances.offer.shortfall', { shortfall: m(o.shortfall) })}{' '}
        {o.offer && o.offer.bonus > 0 ? (
          <strong data-testid="wallet-offer-text">{t('balances.offer.withBonus', { pay: m(o.offer.pay), bonus: m(o.offer.bonus) })}</strong>
        ) : o.offer ? (
          <strong data-testid="wallet-offer-text">{t('balances.offer.plain', { pay: m(o.offer.pay) })}</strong>
        ) : null}
      </p>
      <p className="text-xs opacity-80">{t('balances.offer.other')}</p>
    </Alert>
  );
}
