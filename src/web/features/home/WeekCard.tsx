import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { cx } from '../../components/cx.js';
import { LinkButton } from '../../components/LinkButton.js';
import { Card } from '../../components/Page.js';
import { WEEKDAYS } from '../../http/types.js';
import { useFormat } from '../../lib/format.js';
import { normalizeWeek, weekdayIn } from '../../lib/hours.js';
import { useCan } from '../auth/session.js';
import { storeQuery } from '../stores/api.js';

/** The store's weekly opening hours, today highlighted. */
export function WeekCard({ storeId }: { storeId: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const format = useFormat();
  const store = useQuery(storeQuery(storeId));
  if (!store.data) return null;
  const week = normalizeWeek(store.data.hours);
  const today = weekdayIn(store.data.timeZone);
  return (
    <Card
      title={t('home.week')}
      testId="home-week"
      actions={
        can('stores.write') ? (
          <LinkButton to="/stores/$storeId" params={{ storeId }} size="sm" variant="ghost">
            {t('common.edit')}
          </LinkButton>
        ) : null
      }
    >
      <ul className="space-y-1 text-sm">
        {WEEKDAYS.map((day) => (
          <li
            key={day}
            className={cx(
              'flex justify-between gap-4 rounded-lg px-3 py-1.5',
              day === today ? 'bg-orchid-50 font-medium text-orchid-900' : 'text-zinc-600',
            )}
          >
            <span>{t(`weekdays.${day}`)}</span>
            <span className="tabular-nums">
              {week[day].length === 0
                ? t('stores.hours.closed')
                : week[day].map((s) => `${format.hhmm(s.open)} – ${format.hhmm(s.close)}`).join(', ')}
            </span>
          </li>
        ))}
      </ul>
    </Card>
  );
}
