import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button.js';
import { Icon, type IconName } from '../../components/icons.js';
import type { SetupForm } from './model.js';

/** The last page of the wizard: what was created and what to do next. */
export function DoneStep({ form, onContinue }: { form: SetupForm; onContinue: () => void }) {
  const { t } = useTranslation();
  const nextSteps: { icon: IconName; text: string }[] = [
    { icon: 'user', text: t('setup.done.nextStaff') },
    { icon: 'clock', text: t('setup.done.nextHours') },
    { icon: 'monitor', text: t('setup.done.nextTerminal') },
  ];
  return (
    <div className="rounded-2xl bg-white p-6 text-center shadow-card ring-1 ring-zinc-200 sm:p-10" data-testid="setup-done">
      <div className="mx-auto flex size-14 items-center justify-center rounded-full bg-emerald-50 text-emerald-600 ring-8 ring-emerald-50/50">
        <Icon name="checkCircle" className="size-8" />
      </div>
      <h1 className="mt-5 text-2xl font-semibold tracking-tight text-zinc-900">{t('setup.done.title')}</h1>
      <p className="mx-auto mt-2 max-w-md text-sm text-zinc-500">
        {t('setup.done.description', { business: form.business.name.trim(), store: form.store.name.trim() })}
      </p>
      <ul className="mx-auto mt-8 max-w-sm space-y-3 text-left">
        {nextSteps.map((item) => (
          <li key={item.icon} className="flex items-center gap-3 rounded-xl bg-zinc-50 px-4 py-3 text-sm text-zinc-700">
            <Icon name={item.icon} className="size-5 text-orchid-600" />
            {item.text}
          </li>
        ))}
      </ul>
      <Button variant="primary" size="lg" className="mt-8 w-full sm:w-auto" onClick={onContinue} data-testid="setup-go-to-app">
        {t('setup.done.continue')}
      </Button>
    </div>
  );
}
