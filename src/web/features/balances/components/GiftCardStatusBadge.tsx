import { useTranslation } from 'react-i18next';
import { Badge } from '../../../components/Badge.js';
import type { GiftCardStatus } from '../types.js';

export function GiftCardStatusBadge({ status }: { status: GiftCardStatus }) {
  const { t } = useTranslation();
  return (
    <Badge tone={status === 'active' ? 'success' : status === 'expired' ? 'warning' : 'neutral'}>
      <span data-testid="gift-card-status" data-status={status}>
        {t(`balances.giftCards.status.${status}`)}
      </span>
    </Badge>
  );
}
