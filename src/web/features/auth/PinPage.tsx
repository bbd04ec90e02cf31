import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Avatar } from '../../components/Avatar.js';
import { Button } from '../../components/Button.js';
import { cx } from '../../components/cx.js';
import { EmptyState } from '../../components/EmptyState.js';
import { LinkButton } from '../../components/LinkButton.js';
import { useProblemText } from '../../components/ProblemAlert.js';
import { Loading } from '../../components/Spinner.js';
import { isApiError } from '../../http/problem.js';
import type { TerminalStaff } from '../../http/types.js';
import { AuthLayout } from './AuthLayout.js';
import { Keypad } from './Keypad.js';
import { meQuery, switchedUser } from './session.js';
import { pinSignIn, terminalQuery } from './terminal.js';

/** Quick switch at a shared terminal: pick your tile, tap your PIN. */
export function PinPage() {
  const { t } = useTranslation();
  const staff = useQuery(terminalQuery);
  const me = useQuery(meQuery);
  const [selected, setSelected] = useState<TerminalStaff | null>(null);

  return (
    <AuthLayout wide>
      <div className="rounded-2xl bg-white p-6 shadow-card ring-1 ring-zinc-200 sm:p-8" data-testid="pin-page">
        {staff.isPending ? (
          <Loading label={t('common.loading')} />
        ) : staff.isError ? (
          <EmptyState
            icon="monitor"
            title={t('pin.notTerminalTitle')}
            description={t('pin.notTerminalBody')}
            action={
              <LinkButton to="/login" variant="primary">
                {t('pin.useEmail')}
              </LinkButton>
            }
          />
        ) : selected ? (
          <PinEntry person={selected} onCancel={() => setSelected(null)} />
        ) : (
          <StaffTiles staff={staff.data.staff} onPick={setSelected} />
        )}
      </div>
      <div className="mt-4 flex justify-center gap-4 text-sm">
        {me.data ? (
          <Link to="/" className="font-medium text-zinc-600 hover:text-zinc-900">
            {t('pin.backToApp')}
          </Link>
        ) : (
          <Link to="/login" className="font-medium text-zinc-600 hover:text-zinc-900" data-testid="pin-use-email">
            {t('pin.useEmail')}
          </Link>
        )}
      </div>
    </AuthLayout>
  );
}

function StaffTiles({ staff, onPick }: { staff: TerminalStaff[]; onPick: (s: TerminalStaff) => void }) {
  const { t } = useTranslation();
  if (staff.length === 0) {
    return <EmptyState icon="lock" title={t('pin.noStaffTitle')} description={t('pin.noStaffBody')} />;
  }
  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight text-zinc-900">{t('pin.whoTitle')}</h1>
      <p className="mt-1 text-sm text-zinc-500">{t('pin.whoSubtitle')}</p>
      <div className="mt-6 grid grid-cols-2 gap-3 sm:grid-cols-3" data-testid="pin-staff-list">
        {staff.map((person) => (
          <button
            key={person.id}
            type="button"
            onClick={() => onPick(person)}
            data-testid="pin-staff-tile"
            className="flex min-h-28 flex-col items-center justify-center gap-2.5 rounded-2xl bg-zinc-50 p-4 ring-1 ring-zinc-200 transition-colors hover:bg-orchid-50 hover:ring-orchid-300 active:bg-orchid-100"
          >
            <Avatar name={person.displayName} seed={person.id} className="size-14 text-lg" />
            <span className="line-clamp-1 text-base font-medium text-zinc-900">{person.displayName}</span>
            <span className="-mt-2 text-xs text-zinc-500">{t(`roles.${person.role}`)}</span>
          </button>
        ))}
      </div>
    </>
  );
}

function PinEntry({ person, onCancel }: { person: TerminalStaff; onCancel: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [pin, setPin] = useState('');
  const [shake, setShake] = useState(0);
  const signIn = useMutation({
    mutationFn: () => pinSignIn(person.id, pin),
    onSuccess: (me) => {
      switchedUser(queryClient, me);
      void navigate({ to: '/' });
    },
    onError: () => {
      setPin('');
      setShake((n) => n + 1);
    },
  });
  const locked = isApiError(signIn.error) && signIn.error.code === 'pin_locked';
  const submit = useCallback(() => {
    if (pin.length >= 4 && !signIn.isPending) signIn.mutate();
  }, [pin, signIn]);
  const change = useCallback(
    (value: string) => {
      if (signIn.error && !locked) signIn.reset();
      setPin(value);
    },
    [signIn, locked],
  );

  return (
    <div className="mx-auto flex max-w-xs flex-col items-center" data-testid="pin-entry">
      <Avatar name={person.displayName} seed={person.id} className="size-14 text-lg" />
      <h1 className="mt-2 text-xl font-semibold text-zinc-900">{t('pin.hello', { name: person.displayName })}</h1>
      {signIn.error ? <PinError error={signIn.error} /> : <p className="min-h-10 text-sm text-zinc-500">{t('pin.enterPin')}</p>}
      <div
        key={shake}
        className={cx('mb-5 mt-2 flex h-4 items-center gap-3', shake > 0 && 'animate-shake')}
        role="status"
        aria-live="polite"
        aria-label={t('pin.digitsEntered', { count: pin.length })}
        data-testid="pin-dots"
      >
        {Array.from({ length: Math.max(4, pin.length) }, (_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a dot is nothing but its position
          <span key={i} className={cx('size-3.5 rounded-full transition-colors', i < pin.length ? 'bg-orchid-700' : 'bg-zinc-200')} />
        ))}
      </div>
      <div className="w-full">
        <Keypad value={pin} onChange={change} onSubmit={submit} disabled={signIn.isPending || locked} />
      </div>
      <Button variant="ghost" className="mt-3" icon="chevronLeft" onClick={onCancel} data-testid="pin-choose-other">
        {t('pin.chooseOther')}
      </Button>
    </div>
  );
}

/** The server's reason (wrong PIN, locked) in place of the prompt, so the keypad does not move. */
function PinError({ error }: { error: unknown }) {
  const text = useProblemText()(error);
  return (
    <p role="alert" data-testid="pin-error" className="min-h-10 max-w-72 text-center text-sm font-medium text-red-700">
      {text.detail ?? text.title}
    </p>
  );
}
