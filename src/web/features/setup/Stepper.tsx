import { useTranslation } from 'react-i18next';
import { cx } from '../../components/cx.js';
import { Icon } from '../../components/icons.js';
import { STEPS, type Step } from './model.js';

export function Stepper({ current }: { current: Step }) {
  const { t } = useTranslation();
  const index = STEPS.indexOf(current);
  return (
    <ol className="mb-8 flex items-center gap-2" aria-label={t('setup.progress')}>
      {STEPS.map((step, i) => {
        const done = i < index;
        const active = i === index;
        return (
          <li key={step} className="flex flex-1 items-center gap-2" aria-current={active ? 'step' : undefined}>
            <span
              className={cx(
                'flex size-7 shrink-0 items-center justify-center rounded-full text-xs font-semibold transition-colors',
                done && 'bg-orchid-700 text-white',
                active && 'bg-white text-orchid-800 ring-2 ring-orchid-700',
                !done && !active && 'bg-zinc-200/70 text-zinc-500',
              )}
            >
              {done ? <Icon name="check" className="size-4" /> : i + 1}
            </span>
            <span className={cx('hidden truncate text-sm sm:block', active ? 'font-medium text-zinc-900' : 'text-zinc-500')}>
              {t(`setup.steps.${step}`)}
            </span>
            {i < STEPS.length - 1 ? (
              <span className={cx('h-px flex-1', done ? 'bg-orchid-300' : 'bg-zinc-200')} aria-hidden="true" />
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
