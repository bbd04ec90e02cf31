import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { cx } from '../../../components/cx.js';

export type ProfileTab = 'details' | 'consent' | 'notes' | 'health' | 'visits' | 'balances' | 'packages' | 'treatments';

/** The tabs this user sees: Health only with clients.health, Treatments only with treatments.read. */
export function tabsFor(canHealth: boolean, canTreatments = false): ProfileTab[] {
  return [
    'details',
    'consent',
    'notes',
    ...(canHealth ? (['health'] as const) : []),
    'visits',
    'balances',
    'packages',
    ...(canTreatments ? (['treatments'] as const) : []),
  ];
}

/** A tab bar (arrow keys move between tabs); scrolls sideways on a phone. */
export function ProfileTabs({ tabs, active, onChange }: { tabs: ProfileTab[]; active: ProfileTab; onChange: (tab: ProfileTab) => void }) {
  const { t } = useTranslation();
  const bar = useRef<HTMLDivElement>(null);
  const onKeyDown = (event: React.KeyboardEvent) => {
    const i = tabs.indexOf(active);
    const next =
      event.key === 'ArrowRight'
        ? tabs[(i + 1) % tabs.length]
        : event.key === 'ArrowLeft'
          ? tabs[(i - 1 + tabs.length) % tabs.length]
          : null;
    if (!next) return;
    event.preventDefault();
    onChange(next);
    bar.current?.querySelector<HTMLButtonElement>(`[data-tab="${next}"]`)?.focus();
  };
  return (
    <div
      ref={bar}
      role="tablist"
      aria-label={t('clients.profile.tabsLabel')}
      onKeyDown={onKeyDown}
      className="-mx-4 flex gap-1 overflow-x-auto border-b border-zinc-200 px-4 sm:mx-0 sm:px-0"
    >
      {tabs.map((tab) => (
        <button
          key={tab}
          type="button"
          role="tab"
          id={`client-tab-button-${tab}`}
          data-tab={tab}
          data-testid={`client-tab-${tab}`}
          aria-selected={tab === active}
          aria-controls={`client-tab-${tab}`}
          tabIndex={tab === active ? 0 : -1}
          onClick={() => onChange(tab)}
          className={cx(
            '-mb-px shrink-0 whitespace-nowrap border-b-2 px-3 py-2.5 text-sm font-medium transition-colors',
            tab === active ? 'border-orchid-700 text-orchid-800' : 'border-transparent text-zinc-500 hover:text-zinc-800',
          )}
        >
          {t(`clients.profile.tabs.${tab}`)}
        </button>
      ))}
    </div>
  );
}
