import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { Loading } from '../../components/Spinner.js';
import type { LedgerSettings } from './api.js';
import { SaveBar } from './parts/SaveBar.js';
import { SettingsCard } from './parts/SettingsCard.js';
import type { Section } from './useSection.js';

/** Loading, error, the card of settings rows, and the save bar, for one settings part. */
export function SectionFrame<K extends keyof LedgerSettings>({
  section,
  children,
  testId,
  before,
}: {
  section: Section<K>;
  children: (value: LedgerSettings[K]) => ReactNode;
  testId: string;
  before?: ReactNode;
}) {
  const { t } = useTranslation();
  if (section.query.isPending) return <Loading label={t('common.loading')} />;
  if (section.query.isError) return <ProblemAlert error={section.query.error} />;
  if (!section.value) return null;
  return (
    <div className="space-y-4" data-testid={testId}>
      {before}
      <SettingsCard>{children(section.value)}</SettingsCard>
      <SaveBar
        dirty={section.dirty}
        invalid={section.invalid}
        saving={section.saving}
        error={section.error}
        onSave={section.save}
        onDiscard={section.discard}
        onReload={() => void section.reload()}
      />
    </div>
  );
}
