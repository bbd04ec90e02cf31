// A thin React wrapper around @event-calendar/core (a Svelte widget): created once, then only the
// options that changed are handed to it. Callbacks go through refs, so a new closure never re-renders it.
import type { Calendar } from '@event-calendar/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../components/Spinner.js';

type Options = Calendar.Options;

/** Options that are event handlers: always called through the latest props. */
const HANDLERS = [
  'dateClick',
  'eventClick',
  'eventDrop',
  'eventResize',
  'eventDragStart',
  'eventDragStop',
  'eventResizeStart',
  'eventResizeStop',
  'datesSet',
] as const;
type Handler = (typeof HANDLERS)[number];

export function EventCalendar({ options, testId }: { options: Options; testId?: string }) {
  const { t } = useTranslation();
  const host = useRef<HTMLDivElement>(null);
  const calendar = useRef<Calendar | null>(null);
  const latest = useRef(options);
  latest.current = options;
  const applied = useRef<Options>({});
  const [ready, setReady] = useState(false);
  const [failed, setFailed] = useState<unknown>(null);

  useEffect(() => {
    let alive = true;
    let instance: Calendar | null = null;
    let destroy: ((c: Calendar) => Promise<void>) | null = null;
    import('./ec.js')
      .then((lib) => {
        if (!alive || !host.current) return;
        const handlers = Object.fromEntries(
          HANDLERS.map((name) => [
            name,
            (...args: unknown[]) => (latest.current[name] as ((...a: unknown[]) => void) | undefined)?.(...args),
          ]),
        ) as Pick<Options, Handler>;
        const initial = { ...withoutHandlers(latest.current), ...handlers };
        instance = lib.createCalendar(host.current, lib.plugins, initial);
        destroy = lib.destroyCalendar;
        applied.current = latest.current;
        calendar.current = instance;
        setReady(true);
      })
      .catch((error: unknown) => {
        console.error(error);
        if (alive) setFailed(error);
      });
    return () => {
      alive = false;
      calendar.current = null;
      if (instance && destroy) void destroy(instance);
    };
  }, []);

  useEffect(() => {
    const cal = calendar.current;
    if (!cal || !ready) return;
    const before = applied.current;
    for (const key of Object.keys(options) as (keyof Options)[]) {
      if ((HANDLERS as readonly string[]).includes(key)) continue;
      if (options[key] !== before[key]) cal.setOption(key, options[key] as never);
    }
    applied.current = options;
  });

  return (
    <div className="relative" data-testid={testId} data-ready={ready || undefined}>
      {!ready && !failed ? (
        <div className="absolute inset-0 z-10 flex items-start justify-center bg-white/60 pt-24">
          <Loading label={t('common.loading')} />
        </div>
      ) : null}
      {failed ? <p className="p-6 text-sm text-red-700">{String(failed)}</p> : null}
      <div ref={host} />
    </div>
  );
}

function withoutHandlers(options: Options): Options {
  const out: Record<string, unknown> = { ...options };
  for (const name of HANDLERS) delete out[name];
  return out as Options;
}

/** Escapes text for the widget's `{ html }` content. */
export function esc(text: string | null | undefined): string {
  return (text ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}
