import { useTranslation } from 'react-i18next';
import { Icon } from '../../../components/icons.js';

/** The client's allergy reminder, impossible to miss. */
export function AllergyNote({ text, testId = 'allergy-reminder' }: { text: string; testId?: string }) {
  const { t } = useTranslation();
  return (
    <div
      role="alert"
      data-testid={testId}
      className="flex items-start gap-3 rounded-xl bg-amber-50 px-4 py-3 text-amber-900 ring-1 ring-inset ring-amber-300"
    >
      <span className="flex size-8 shrink-0 items-center justify-center rounded-full bg-amber-100 text-amber-700">
        <Icon name="alert" className="size-5" />
      </span>
      <div className="min-w-0">
        <p className="text-xs font-semibold uppercase tracking-wide text-amber-700">{t('calendar.allergyReminder')}</p>
        <p className="text-sm font-medium">{text}</p>
      </div>
    </div>
  );
}
