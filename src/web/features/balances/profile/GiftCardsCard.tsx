import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../../components/icons.js';
import { LinkButton } from '../../../components/LinkButton.js';
import { Card } from '../../../components/Page.js';
import { useFormat } from '../../../lib/format.js';
import { GiftCardStatusBadge } from '../components/GiftCardStatusBadge.js';
import { BalanceIcon } from '../icons.js';
import { useMoney } from '../money.js';
import type { GiftCard } from '../types.js';

/** Gift cards this client holds (bought for her, or first paid with by her). */
export function GiftCardsCard({ cards }: { cards: GiftCard[] }) {
  const { t } = useTranslation();
  const { m } = useMoney();
  const format = useFormat();
  return (
    <Card
      testId="client-gift-cards"
      bodyClassName="p-0"
      title={
        <span className="inline-flex items-center gap-2">
          <BalanceIcon name="gift" className="size-5 text-orchid-600" />
          {t('balances.giftCards.title')}
        </span>
      }
      actions={
        <LinkButton to="/gift-cards" size="sm" data-testid="client-gift-cards-open">
          {t('balances.giftCards.check')}
        </LinkButton>
      }
    >
      {cards.length === 0 ? (
        <p className="px-5 py-6 text-sm text-zinc-500">{t('balances.giftCards.noneLinked')}</p>
      ) : (
        <ul className="divide-y divide-zinc-100">
          {cards.map((c) => (
            <li key={c.id}>
              <Link
                to="/gift-cards"
                search={{ card: c.id }}
                className="flex items-center gap-3 px-5 py-3 transition-colors hover:bg-orchid-50/50"
                data-testid="client-gift-card"
              >
                <span className="font-mono text-sm tracking-wider text-zinc-800">{c.maskedCode}</span>
                <GiftCardStatusBadge status={c.status} />
                <span className="ml-auto text-right">
                  <span className="block font-semibold tabular-nums text-zinc-900">{m(c.balance)}</span>
                  {c.expiresAt ? (
                    <span className="block text-xs text-zinc-500">
                      {t('balances.giftCards.expires', { date: format.date(c.expiresAt) })}
                    </span>
                  ) : null}
                </span>
                <Icon name="chevronRight" className="size-4 text-zinc-400" />
              </Link>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
