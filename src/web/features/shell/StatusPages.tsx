import { useRouter } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button.js';
import { EmptyState } from '../../components/EmptyState.js';
import { Logo } from '../../components/icons.js';
import { LinkButton } from '../../components/LinkButton.js';
import { ProblemAlert, useProblemText } from '../../components/ProblemAlert.js';
import { isApiError } from '../../http/problem.js';
import type { NavKey } from './nav.js';

/** An honest placeholder for screens that are on the way. */
export function ComingSoonPage({ feature }: { feature: Extract<NavKey, 'calendar' | 'clients' | 'checkout' | 'reports'> }) {
  const { t } = useTranslation();
  return (
    <div className="rounded-xl bg-white shadow-card ring-1 ring-zinc-200" data-testid={`coming-soon-${feature}`}>
      <EmptyState
        icon={feature === 'calendar' ? 'calendar' : feature === 'clients' ? 'users' : feature === 'checkout' ? 'receipt' : 'chart'}
        title={t('comingSoon.title', { feature: t(`nav.items.${feature}`) })}
        description={t(`comingSoon.${feature}`)}
        action={
          <LinkButton to="/" icon="home">
            {t('comingSoon.backHome')}
          </LinkButton>
        }
        className="py-20"
      />
    </div>
  );
}

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <EmptyState
      icon="search"
      title={t('notFound.title')}
      description={t('notFound.body')}
      action={
        <LinkButton to="/" variant="primary">
          {t('comingSoon.backHome')}
        </LinkButton>
      }
      className="py-24"
    />
  );
}

export function ForbiddenPage() {
  const { t } = useTranslation();
  return <EmptyState icon="lock" title={t('forbidden.title')} description={t('forbidden.body')} className="py-24" />;
}

/** When the app cannot start (server unreachable, unexpected error). */
export function FatalErrorPage({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const router = useRouter();
  const text = useProblemText()(error);
  return (
    <div className="flex min-h-dvh flex-col items-center justify-center gap-6 bg-zinc-50 px-6 text-center" data-testid="fatal-error">
      <Logo className="size-10" />
      <div>
        <h1 className="text-xl font-semibold text-zinc-900">{text.title}</h1>
        {text.detail ? <p className="mx-auto mt-2 max-w-md text-sm text-zinc-500">{text.detail}</p> : null}
      </div>
      <Button variant="primary" icon="refresh" onClick={() => (isApiError(error) ? void router.invalidate() : window.location.reload())}>
        {t('common.retry')}
      </Button>
    </div>
  );
}

/** An error inside one screen: the frame and navigation stay, the screen says what went wrong. */
export function PageErrorPage({ error, reset }: { error: unknown; reset?: () => void }) {
  const { t } = useTranslation();
  const router = useRouter();
  return (
    <ProblemAlert
      error={error}
      testId="page-error"
      action={
        <Button
          size="sm"
          icon="refresh"
          onClick={() => {
            if (!isApiError(error)) window.location.reload();
            reset?.();
            void router.invalidate();
          }}
        >
          {t('common.retry')}
        </Button>
      }
    />
  );
}
