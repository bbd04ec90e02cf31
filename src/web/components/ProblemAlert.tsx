import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError, NETWORK_ERROR, type ProblemFieldError } from '../http/problem.js';
import { cx } from './cx.js';
import { Icon } from './icons.js';

/** The title and detail to show for an error: the server's (already translated) words when it sent them. */
export function useProblemText(): (error: unknown) => { title: string; detail: string | undefined } {
  const { t } = useTranslation();
  return (error) => {
    if (isApiError(error)) {
      if (error.code === NETWORK_ERROR) return { title: t('errors.networkTitle'), detail: t('errors.networkDetail') };
      if (error.title || error.detail) {
        return { title: error.title ?? t('errors.genericTitle'), detail: error.detail };
      }
      return { title: t('errors.genericTitle'), detail: t('errors.genericDetail', { status: error.status }) };
    }
    return { title: t('errors.genericTitle'), detail: error instanceof Error ? error.message : undefined };
  };
}

/** Shows an API error as an inline alert, with any field errors that have no field on the form. */
export function ProblemAlert({
  error,
  extra,
  action,
  className,
  testId = 'error-alert',
}: {
  error: unknown;
  extra?: ProblemFieldError[];
  action?: ReactNode;
  className?: string;
  testId?: string;
}) {
  const text = useProblemText();
  if (!error) return null;
  const { title, detail } = text(error);
  return (
    <Alert tone="danger" title={title} className={className} testId={testId} action={action}>
      {detail && detail !== title ? <p>{detail}</p> : null}
      {extra && extra.length > 0 ? (
        <ul className="mt-1 list-disc pl-5">
          {extra.map((e) => (
            <li key={`${e.path}:${e.message}`}>{e.message}</li>
          ))}
        </ul>
      ) : null}
    </Alert>
  );
}

const tones = {
  danger: { box: 'bg-red-50 text-red-800 ring-red-200', icon: 'alert' as const, iconClass: 'text-red-600' },
  info: { box: 'bg-sky-50 text-sky-900 ring-sky-200', icon: 'info' as const, iconClass: 'text-sky-600' },
  accent: { box: 'bg-orchid-50 text-orchid-900 ring-orchid-200', icon: 'info' as const, iconClass: 'text-orchid-600' },
  warning: { box: 'bg-amber-50 text-amber-900 ring-amber-200', icon: 'alert' as const, iconClass: 'text-amber-600' },
};

export function Alert({
  tone = 'info',
  title,
  children,
  action,
  className,
  testId,
}: {
  tone?: keyof typeof tones;
  title?: ReactNode;
  children?: ReactNode;
  action?: ReactNode;
  className?: string;
  testId?: string;
}) {
  const style = tones[tone];
  return (
    <div
      role={tone === 'danger' ? 'alert' : 'status'}
      data-testid={testId}
      className={cx('flex gap-3 rounded-xl px-4 py-3 text-sm ring-1 ring-inset', style.box, className)}
    >
      <Icon name={style.icon} className={cx('mt-px size-5', style.iconClass)} />
      <div className="min-w-0 flex-1 space-y-0.5">
        {title ? <p className="font-semibold">{title}</p> : null}
        {children}
      </div>
      {action ? <div className="shrink-0 self-center">{action}</div> : null}
    </div>
  );
}
