import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button.js';
import { ProblemAlert } from '../../../components/ProblemAlert.js';
import { isApiError } from '../../../http/problem.js';

/** Save / discard for a settings part; a stale version offers to reload what is saved now. */
export function SaveBar({
  dirty,
  invalid,
  saving,
  error,
  onSave,
  onDiscard,
  onReload,
}: {
  dirty: boolean;
  invalid: boolean;
  saving: boolean;
  error: unknown;
  onSave: () => void;
  onDiscard: () => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const stale = isApiError(error) && error.code === 'stale_version';
  return (
    <div className="sticky bottom-20 z-20 space-y-3 md:bottom-4">
      {error ? (
        <ProblemAlert
          error={error}
          testId="settings-error"
          action={
            stale ? (
              <Button size="sm" onClick={onReload} data-testid="settings-reload">
                {t('loyalty.reload')}
              </Button>
            ) : undefined
          }
        />
      ) : null}
      {dirty ? (
        <div
          className="flex flex-wrap items-center justify-between gap-3 rounded-xl bg-zinc-900 px-4 py-3 text-sm text-white shadow-pop"
          data-testid="settings-savebar"
        >
          <span>{invalid ? t('loyalty.fixAmounts') : t('loyalty.unsaved')}</span>
          <div className="flex gap-2">
            <Button size="sm" variant="inverse" onClick={onDiscard} data-testid="settings-discard">
              {t('loyalty.discard')}
            </Button>
            <Button size="sm" variant="primary" onClick={onSave} loading={saving} disabled={invalid} data-testid="settings-save">
              {t('common.save')}
            </Button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
