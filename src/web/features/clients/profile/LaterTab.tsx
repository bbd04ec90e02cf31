import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/EmptyState.js';
import type { IconName } from '../../../components/icons.js';

const ICONS: Record<'visits' | 'balances' | 'packages', IconName> = { visits: 'calendar', balances: 'receipt', packages: 'archive' };

/** An honest placeholder: these arrive with appointments and checkout; no made-up numbers. */
export function LaterTab({ kind }: { kind: 'visits' | 'balances' | 'packages' }) {
  const { t } = useTranslation();
  return (
    <div className="rounded-xl bg-white shadow-card ring-1 ring-zinc-200" data-testid={`client-later-${kind}`}>
      <EmptyState
        icon={ICONS[kind]}
        title={t(`clients.later.${kind}Title`)}
        description={t(`clients.later.${kind}Body`)}
        className="py-16"
      />
    </div>
  );
}
