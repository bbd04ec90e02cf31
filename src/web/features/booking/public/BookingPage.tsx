// The client-facing booking page of a store (/book/:storeSlug): services, technician or anyone, a day
// and time in the store's time, a one-time code to the client's phone or email, confirm.
import { useMutation, useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button.js';
import { Icon } from '../../../components/icons.js';
import { Alert, ProblemAlert } from '../../../components/ProblemAlert.js';
import { Loading } from '../../../components/Spinner.js';
import { currentLanguage } from '../../../i18n/index.js';
import { alternativesOf, newIdempotencyKey } from '../../calendar/http.js';
import type { LineInput, Slot } from '../../calendar/types.js';
import { formatMoney } from '../../catalog/money.js';
import { bookOnline, icsUrl, publicStoreQuery } from '../api.js';
import type { BookingResult, PublicStore } from '../types.js';
import { BookingView } from './BookingView.js';
import { type Details, DetailsStep, emptyDetails } from './DetailsStep.js';
import { PublicLayout } from './PublicLayout.js';
import { ServicesStep } from './ServicesStep.js';
import { StaffStep } from './StaffStep.js';
import { Summary } from './Summary.js';
import { type AddOnPicks, bookingLines, pickedAddOnIds, totals } from './selection.js';
import { TimeStep } from './TimeStep.js';

const STEPS = ['services', 'staff', 'time', 'details'] as const;
type Step = (typeof STEPS)[number];

export function BookingPage() {
  const { t, i18n } = useTranslation();
  const { storeSlug } = useParams({ strict: false }) as { storeSlug: string };
  const store = useQuery(publicStoreQuery(storeSlug, i18n.language));
  if (store.error) {
    return (
      <PublicLayout>
        <div className="py-16">
          <ProblemAlert error={store.error} testId="public-store-error" />
        </div>
      </PublicLayout>
    );
  }
  if (!store.data) {
    return (
      <PublicLayout>
        <Loading label={t('common.loading')} />
      </PublicLayout>
    );
  }
  return <Flow store={store.data} />;
}

function Flow({ store }: { store: PublicStore }) {
  const { t, i18n } = useTranslation();
  const [step, setStep] = useState<Step>('services');
  const [serviceIds, setServiceIds] = useState<string[]>([]);
  const [picks, setPicks] = useState<AddOnPicks>({});
  const [staffId, setStaffId] = useState('any');
  const [slot, setSlot] = useState<Slot | null>(null);
  const [details, setDetails] = useState<Details>(emptyDetails);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [tried, setTried] = useState(false);
  const [taken, setTaken] = useState<Slot[] | null>(null);
  const [done, setDone] = useState<BookingResult | null>(null);
  const attempt = useRef<{ body: string; key: string } | null>(null);
  const staffNames = new Map(store.staff.map((s) => [s.id, s.displayName]));
  const top = useRef<HTMLDivElement>(null);

  const book = useMutation({
    mutationFn: ({ body, key }: { body: Parameters<typeof bookOnline>[0]; key: string }) => bookOnline(body, key),
    onSuccess: (result) => {
      setDone(result);
      window.scrollTo({ top: 0 });
    },
    onError: (error) => {
      if ((error as { code?: string }).code === 'slot_taken') {
        setTaken(alternativesOf(error));
        setSlot(null);
        go('time');
      }
    },
  });

  const go = (next: Step) => {
    setStep(next);
    top.current?.scrollIntoView({ block: 'start' });
  };

  if (done) return <Done store={store} result={done} />;

  const index = STEPS.indexOf(step);
  const chosen = totals(store, serviceIds, picks, staffId);
  const canContinue =
    step === 'services'
      ? serviceIds.length > 0
      : step === 'staff'
        ? true
        : step === 'time'
          ? !!slot
          : sentTo !== null && details.code.length === 6;

  const confirm = () => {
    setTried(true);
    if (!slot || !details.firstName.trim() || !sentTo) return;
    const lines: LineInput[] = bookingLines(serviceIds, picks, staffId, slot);
    const body = {
      storeSlug: store.slug,
      ...(details.channel === 'phone' ? { phone: details.phone.trim() } : { email: details.email.trim() }),
      code: details.code,
      firstName: details.firstName.trim(),
      ...(details.lastName.trim() ? { lastName: details.lastName.trim() } : {}),
      ...(details.notes.trim() ? { notes: details.notes.trim() } : {}),
      language: currentLanguage(),
      lines,
    };
    const text = JSON.stringify(body);
    if (attempt.current?.body !== text) attempt.current = { body: text, key: newIdempotencyKey() };
    book.mutate({ body, key: attempt.current.key });
  };

  const next = () => {
    if (step === 'details') return confirm();
    const following = STEPS[index + 1];
    if (following) go(following);
  };

  const bookError = book.error && (book.error as { code?: string }).code !== 'slot_taken' ? book.error : null;
  const codeProblem = bookError && /^otp_/.test((bookError as { code?: string }).code ?? '');

  return (
    <PublicLayout storeName={store.name} address={store.address} phone={store.phone}>
      <div ref={top} className="scroll-mt-20" />
      <ol className="mb-5 flex gap-1.5" aria-label={t('booking.progress')}>
        {STEPS.map((s, i) => (
          <li
            key={s}
            className={`h-1.5 flex-1 rounded-full ${i <= index ? 'bg-orchid-600' : 'bg-zinc-200'}`}
            aria-current={s === step ? 'step' : undefined}
          />
        ))}
      </ol>
      <h1 className="mb-1 text-2xl font-semibold tracking-tight text-zinc-900" data-testid="public-step-title">
        {t(`booking.steps.${step}`)}
      </h1>
      <p className="mb-5 text-sm text-zinc-500">{t(`booking.stepHints.${step}`)}</p>
      <div className="grid gap-6 md:grid-cols-[1fr_17rem]">
        <div className="min-w-0 space-y-4">
          {taken && step === 'time' ? (
            <Alert tone="warning" title={t('booking.takenTitle')} testId="public-taken">
              {t('booking.takenBody')}
              {taken.length ? (
                <div className="mt-2 flex flex-wrap gap-1.5">
                  {taken.map((s) => (
                    <Button
                      key={s.start}
                      size="sm"
                      onClick={() => {
                        setSlot(s);
                        setTaken(null);
                      }}
                    >
                      {s.date.slice(5)} {s.startLocal}
                    </Button>
                  ))}
                </div>
              ) : null}
            </Alert>
          ) : null}
          {step === 'services' ? (
            <ServicesStep
              store={store}
              selected={serviceIds}
              picks={picks}
              onChange={(next) => {
                setServiceIds(next.selected);
                setPicks(next.picks);
                setSlot(null);
              }}
            />
          ) : null}
          {step === 'staff' ? (
            <StaffStep
              store={store}
              serviceIds={serviceIds}
              value={staffId}
              onChange={(id) => {
                setStaffId(id);
                setSlot(null);
              }}
            />
          ) : null}
          {step === 'time' ? (
            <TimeStep
              slug={store.slug}
              timeZone={store.timeZone}
              horizonDays={store.booking.horizonDays}
              serviceIds={serviceIds}
              addOnIds={pickedAddOnIds(serviceIds, picks)}
              staffId={staffId}
              staffNames={staffNames}
              value={slot}
              onChange={setSlot}
            />
          ) : null}
          {step === 'details' ? (
            <>
              {bookError && !codeProblem ? <ProblemAlert error={bookError} /> : null}
              <DetailsStep
                slug={store.slug}
                details={details}
                onChange={setDetails}
                sentTo={sentTo}
                onSent={setSentTo}
                newClientsAllowed={store.booking.newClientsAllowed}
                bookError={bookError}
                tried={tried}
              />
              <p className="text-xs text-zinc-500">{t('booking.policy', { hours: store.booking.cancellationWindowHours })}</p>
            </>
          ) : null}
        </div>
        {serviceIds.length ? (
          <aside className="hidden md:block">
            <div className="sticky top-20">
              <Summary store={store} serviceIds={serviceIds} picks={picks} staffId={staffId} slot={slot} />
            </div>
          </aside>
        ) : null}
      </div>
      <div className="fixed inset-x-0 bottom-0 z-30 border-t border-zinc-200 bg-white/95 pb-[env(safe-area-inset-bottom)] backdrop-blur">
        <div className="mx-auto flex max-w-3xl items-center gap-3 px-4 py-3">
          {index > 0 ? (
            <Button size="lg" onClick={() => go(STEPS[index - 1] as Step)} data-testid="public-back" className="px-4">
              <Icon name="chevronLeft" className="size-4" />
              <span className="max-sm:sr-only">{t('common.back')}</span>
            </Button>
          ) : null}
          <p className="min-w-0 flex-1 truncate text-sm text-zinc-600 md:hidden" data-testid="public-chosen">
            {serviceIds.length ? t('booking.servicesChosen', { count: serviceIds.length }) : ''}
            {serviceIds.length ? (
              <span className="block text-xs tabular-nums text-zinc-500">
                {formatMoney(chosen.price, store.currency, i18n.language)} · {t('booking.minutes', { count: chosen.minutes })}
              </span>
            ) : null}
          </p>
          <span className="hidden flex-1 md:block" />
          <Button size="lg" variant="primary" disabled={!canContinue} loading={book.isPending} onClick={next} data-testid="public-continue">
            {step === 'details' ? t('booking.confirm') : t('common.continue')}
          </Button>
        </div>
      </div>
    </PublicLayout>
  );
}

function Done({ store, result }: { store: PublicStore; result: BookingResult }) {
  const { t } = useTranslation();
  const manage = `${window.location.origin}/book/manage/${result.manageToken}`;
  const [copied, setCopied] = useState(false);
  return (
    <PublicLayout storeName={store.name} address={store.address} phone={store.phone}>
      <div className="mx-auto max-w-lg space-y-5" data-testid="public-done">
        <div className="text-center">
          <span className="mx-auto flex size-14 items-center justify-center rounded-full bg-emerald-100 text-emerald-700">
            <Icon name="checkCircle" className="size-8" />
          </span>
          <h1 className="mt-3 text-2xl font-semibold tracking-tight text-zinc-900">{t('booking.doneTitle')}</h1>
          <p className="mt-1 text-sm text-zinc-500">{t('booking.doneBody')}</p>
        </div>
        <BookingView booking={result.appointment} />
        <div className="flex flex-wrap gap-2">
          <a
            href={icsUrl(result.manageToken)}
            className="inline-flex h-10 items-center gap-2 rounded-lg bg-white px-4 text-sm font-medium text-zinc-800 shadow-sm ring-1 ring-inset ring-zinc-300 hover:bg-zinc-50"
          >
            <Icon name="calendar" className="size-4" />
            {t('booking.addToCalendar')}
          </a>
          <Link
            to="/book/manage/$token"
            params={{ token: result.manageToken }}
            data-testid="public-manage-link"
            className="inline-flex h-10 items-center gap-2 rounded-lg bg-white px-4 text-sm font-medium text-zinc-800 shadow-sm ring-1 ring-inset ring-zinc-300 hover:bg-zinc-50"
          >
            <Icon name="pencil" className="size-4" />
            {t('booking.changeOrCancel')}
          </Link>
        </div>
        <div className="rounded-xl bg-zinc-100 p-3 text-sm text-zinc-600">
          <p>{t('booking.keepLink')}</p>
          <div className="mt-2 flex items-center gap-2">
            <code className="min-w-0 flex-1 truncate rounded bg-white px-2 py-1 text-xs text-zinc-700 ring-1 ring-zinc-200">{manage}</code>
            <Button
              size="sm"
              icon={copied ? 'check' : 'copy'}
              onClick={() => void navigator.clipboard?.writeText(manage).then(() => setCopied(true))}
            >
              {copied ? t('booking.copied') : t('booking.copy')}
            </Button>
          </div>
        </div>
        <Button variant="ghost" onClick={() => window.location.reload()} className="w-full">
          {t('booking.bookAnother')}
        </Button>
      </div>
    </PublicLayout>
  );
}
