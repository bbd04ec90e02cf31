import { useTranslation } from 'react-i18next';
import { cx } from '../../../components/cx.js';
import { Icon } from '../../../components/icons.js';

export const STEPS = ['upload', 'mapping', 'preview', 'run', 'report'] as const;
export type Step = (typeof STEPS)[number];

/** Where the user is in the import: five steps, the done ones ticked. */
export function Stepper({ current }: { current: Step }) {
  const { t } = useTranslation();
  const at = STEPS.indexOf(current);
  return (
    <ol className="mb-6 flex items-center gap-2 overflow-x-auto pb-1 text-sm" data-testid="import-steps" data-step={current}>
      {STEPS.map((step, i) => (
        <li key={step} className="flex shrink-0 items-center gap-2">
          <span
            aria-current={i === at ? 'step' : undefined}
            className={cx(
              'flex items-center gap-2 rounded-full py-1 pl-1 pr-3 font-medium',
              i === at ? 'bg-orchid-700 text-white' : i < at ? 'bg-orchid-50 text-orchid-800' : 'bg-zinc-100 text-zinc-500',
            )}
          >
            <span
              className={cx(
                'flex size-6 items-center justify-center rounded-full text-xs',
                i === at ? 'bg-white/20' : i < at ? 'bg-orchid-700 text-white' : 'bg-white text-zinc-500 ring-1 ring-zinc-200',
              )}
            >
              {i < at ? <Icon name="check" className="size-3.5" /> : i + 1}
            </span>
            <span className={cx(i !== at && 'max-sm:sr-only')}>{t(`clients.import.steps.${step}`)}</span>
          </span>
          {i < STEPS.length - 1 ? <Icon name="chevronRight" className="size-4 text-zinc-300" /> : null}
        </li>
      ))}
    </ol>
  );
}
