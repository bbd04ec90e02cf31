// The appointment calendar: a day with one column per staff member (or room), or one person's week.
// Polls the feed so changes from other terminals show within seconds.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/EmptyState.js';
import { Alert, useProblemText } from '../../components/ProblemAlert.js';
import { useToast } from '../../components/Toast.js';
import type { StoreSummary } from '../../http/types.js';
import { useCan, useMe } from '../auth/session.js';
import { categoriesQuery, resourcesQuery, servicesQuery } from '../catalog/api.js';
import { rosterWeekQuery } from '../rosters/api.js';
import { useCurrentStore } from '../shell/CurrentStore.js';
import { editLines, feedQuery, useStaffPost, waitlistMatchesQuery } from './api.js';
import { AppointmentDrawer } from './appointment/AppointmentDrawer.js';
import { BlockedDialog } from './appointment/BlockedDialog.js';
import { ConflictDialog } from './appointment/ConflictDialog.js';
import { BookingDrawer, type BookingStart } from './book/BookingDrawer.js';
import { CalendarToolbar } from './CalendarToolbar.js';
import type { ViewKind } from './events.js';
import { CalendarGrid, type Column, type DropInfo, hhmmFormatter, type ResizeInfo } from './grid/CalendarGrid.js';
import { alternativesOf } from './http.js';
import { displayName } from './names.js';
import { useViewPrefs, useWide } from './prefs.js';
import { movedLines, resizedLine } from './reschedule.js';
import { validateCalendarSearch } from './search.js';
import { addDays, dateIn, mondayOf, timeIn } from './time.js';
import type { Appointment, Slot } from './types.js';
import { WaitlistPanel } from './waitlist/WaitlistPanel.js';

export function CalendarPage() {
  const { t } = useTranslation();
  const { store } = useCurrentStore();
  if (!store) return <EmptyState icon="store" title={t('calendar.noStore')} className="py-24" />;
  return <StoreCalendar key={store.id} store={store} />;
}

function StoreCalendar({ store }: { store: StoreSummary }) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const can = useCan();
  const toast = useToast();
  const problem = useProblemText();
  const queryClient = useQueryClient();
  const post = useStaffPost();
  const navigate = useNavigate();
  const search = validateCalendarSearch(useSearch({ strict: false }) as Record<string, unknown>);
  const [prefs, setPrefs] = useViewPrefs();
  const wide = useWide();
  const tz = store.timeZone;
  const today = dateIn(tz);
  const date = search.date ?? today;
  const viewName = search.view ?? 'day';
  const mode = search.mode ?? 'staff';
  const canBook = can('appointments.write');

  const [booking, setBooking] = useState<BookingStart | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const [blockedId, setBlockedId] = useState<string | null>(null);
  const [conflict, setConflict] = useState<{ appointment: Appointment; alternatives: Slot[] } | null>(null);
  const [waitlistOpen, setWaitlistOpen] = useState(false);

  const setSearch = (patch: Partial<typeof search>) =>
    void navigate({ to: '/calendar', search: (prev: Record<string, unknown>) => ({ ...prev, ...patch }), replace: true });

  const roster = useQuery(rosterWeekQuery(store.id, date));
  const rosterStaff = roster.data?.staff ?? [];
  const weekStaffId =
    search.staff ??
    (rosterStaff.some((s) => s.staffId === me.staff.id && s.days.some((d) => d.hours.length)) ? me.staff.id : undefined) ??
    rosterStaff.find((s) => s.days.some((d) => d.hours.length))?.staffId ??
    rosterStaff[0]?.staffId;

  const view: ViewKind = useMemo(
    () => (viewName === 'week' && weekStaffId ? { kind: 'week', staffId: weekStaffId } : { kind: 'day', mode }),
    [viewName, weekStaffId, mode],
  );
  const from = view.kind === 'week' ? mondayOf(date) : date;
  const to = view.kind === 'week' ? addDays(from, 6) : date;
  const dates = useMemo(() => Array.from({ length: view.kind === 'week' ? 7 : 1 }, (_, i) => addDays(from, i)), [from, view.kind]);

  const feed = useQuery(feedQuery({ storeId: store.id, from, to, staffId: view.kind === 'week' ? view.staffId : undefined }));
  const appointments = feed.data?.data ?? [];
  const services = useQuery(servicesQuery({ storeId: store.id }));
  const categories = useQuery(categoriesQuery());
  const rooms = useQuery({ ...resourcesQuery(store.id), enabled: view.kind === 'day' && view.mode === 'rooms' });
  const matches = useQuery(waitlistMatchesQuery(store.id));
  const waitlistCount = (matches.data?.data ?? []).filter((w) => w.stillFree !== false).length;

  const colorOfService = useMemo(() => {
    const cat = new Map((categories.data ?? []).map((c) => [c.id, c.color]));
    const svc = new Map((services.data ?? []).map((s) => [s.id, s.color ?? (s.categoryId ? cat.get(s.categoryId) : null) ?? null]));
    return (id: string) => svc.get(id) ?? null;
  }, [services.data, categories.data]);

  const clientName = useCallback((a: Appointment) => (a.client ? displayName(a.client) : t('calendar.walkIn')), [t]);
  const canMove = useCallback(() => canBook, [canBook]);

  const clock = hhmmFormatter(i18n.language);
  const columns: Column[] = useMemo(() => {
    if (view.kind === 'week') return [];
    const clock = hhmmFormatter(i18n.language);
    // "9 AM–1 PM" reads better than "9:00 AM–1:00 PM" in a narrow column header.
    const short = (v: string) => (i18n.language.startsWith('en') ? clock(v).replace(':00', '') : clock(v));
    if (view.mode === 'rooms') {
      const list = (rooms.data ?? [])
        .filter((r) => r.active)
        .sort((a, b) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name))
        .map((r) => ({ id: r.id, name: r.name, note: r.type.replace(/_/g, ' '), room: true }));
      return list;
    }
    const busy = new Set(appointments.flatMap((a) => (a.status === 'cancelled' ? [] : a.lines.map((l) => l.staffId))));
    return rosterStaff
      .map((s) => {
        const day = s.days.find((d) => d.date === date);
        const hours = day?.hours ?? [];
        const timeOff = day?.exceptions.some((e) => e.kind === 'time_off') ?? false;
        const note = hours.length
          ? hours.map((h) => `${short(h.open)}–${short(h.close)}`).join(', ')
          : timeOff
            ? t('calendar.timeOff')
            : t('calendar.notWorking');
        return {
          id: s.staffId,
          name: s.displayName || s.name,
          note,
          off: hours.length === 0,
          working: hours.length > 0 || busy.has(s.staffId),
        };
      })
      .filter((c) => prefs.allStaff || c.working)
      .map(({ working: _w, ...c }) => c);
  }, [view, rooms.data, rosterStaff, appointments, date, prefs.allStaff, t, i18n.language]);

  const opening = useMemo(
    () =>
      (roster.data?.store.days ?? [])
        .filter((d) => dates.includes(d.date))
        .flatMap((d) => d.hours.map((h) => ({ open: h.open, close: h.close }))),
    [roster.data, dates],
  );

  const staffNames = useMemo(() => new Map(rosterStaff.map((s) => [s.staffId, s.displayName || s.name])), [rosterStaff]);

  const onSlot = useCallback((pick: { date: string; time: string; staffId?: string | undefined }) => setBooking(pick), []);
  const onOpenAppointment = useCallback((id: string) => setOpenId(id), []);
  const onOpenBlocked = useCallback((id: string) => setBlockedId(id), []);

  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['appointments'] });

  const onDrop = async (drop: DropInfo) => {
    const a = appointments.find((x) => x.id === drop.appointmentId);
    if (!a) return drop.revert();
    if (view.kind === 'day' && view.mode === 'rooms' && drop.column) {
      drop.revert();
      toast(t('calendar.roomsAuto'), 'info');
      return;
    }
    const lines = movedLines(a, { lineId: drop.lineId, to: drop.to, staffId: view.kind === 'day' ? drop.column : undefined });
    try {
      const moved = await post<Appointment>(`/appointments/${encodeURIComponent(a.id)}/reschedule`, { version: a.version, lines });
      toast(
        t('calendar.moved', {
          time: clock(moved.startLocal),
          staff: [...new Set(moved.lines.map((l) => l.staffName))].join(', '),
        }),
      );
      refresh();
    } catch (error) {
      drop.revert();
      const alternatives = alternativesOf(error);
      if (alternatives.length > 0 || (error as { code?: string }).code === 'slot_taken') setConflict({ appointment: a, alternatives });
      else {
        const text = problem(error);
        toast(text.detail && text.detail !== text.title ? `${text.title} ${text.detail}` : text.title, 'error');
      }
      refresh();
    }
  };

  // A resize sets that service's length; a conflict (409) says why and puts the event back.
  const onResize = async (resize: ResizeInfo) => {
    const a = appointments.find((x) => x.id === resize.appointmentId);
    const patch = a ? resizedLine(a, resize.lineId, resize.end) : null;
    if (!a || !patch) return resize.revert();
    try {
      const changed = await editLines(a.id, a.version, [patch]);
      const line = changed.lines.find((l) => l.id === patch.id);
      toast(t('calendar.resized', { service: line?.serviceName ?? '', time: clock((line?.end ?? changed.end).slice(11, 16)) }));
    } catch (error) {
      resize.revert();
      const text = problem(error);
      const code = (error as { code?: string }).code;
      toast(
        code === 'slot_taken'
          ? `${text.title} ${t('calendar.resizeTakenHint')}`
          : text.detail && text.detail !== text.title
            ? `${text.title} ${text.detail}`
            : text.title,
        'error',
      );
    }
    refresh();
  };

  const staffOptions = rosterStaff.map((s) => ({ id: s.staffId, name: s.displayName || s.name }));
  const nowTime = timeIn(tz);
  const height = wide ? 'calc(100dvh - 12rem)' : 'calc(100dvh - 17rem)';

  return (
    <div data-testid="calendar-page" className="-mt-2 lg:-mt-4">
      <CalendarToolbar
        date={date}
        today={today}
        view={viewName}
        mode={mode}
        staffOptions={staffOptions}
        staffId={view.kind === 'week' ? view.staffId : weekStaffId}
        prefs={prefs}
        waitlistCount={waitlistCount}
        canBook={canBook}
        onDate={(d) => setSearch({ date: d === today ? undefined : d })}
        onView={(v) => setSearch({ view: v === 'day' ? undefined : v })}
        onMode={(m) => setSearch({ mode: m === 'staff' ? undefined : m })}
        onStaff={(id) => setSearch({ staff: id })}
        onPrefs={setPrefs}
        onWaitlist={() => setWaitlistOpen(true)}
        onNew={() => setBooking(date > today ? { date } : { date: today, time: nowTime })}
      />
      {feed.error || roster.error ? (
        <Alert tone="danger" className="mb-3" title={problem(feed.error ?? roster.error).title}>
          {problem(feed.error ?? roster.error).detail}
        </Alert>
      ) : null}
      {view.kind === 'day' && columns.length === 0 && roster.isSuccess && view.mode === 'staff' ? (
        <Alert tone="info" className="mb-3" title={t('calendar.nobodyWorking')} testId="calendar-nobody">
          {t('calendar.nobodyWorkingHint')}
        </Alert>
      ) : null}
      {view.kind === 'day' && view.mode === 'rooms' && rooms.isSuccess && columns.length === 0 ? (
        <Alert tone="info" className="mb-3" title={t('calendar.roomsEmpty')} testId="calendar-no-rooms">
          {t('calendar.roomsEmptyHint')}
        </Alert>
      ) : null}
      <CalendarGrid
        view={view}
        date={date}
        dates={dates}
        timeZone={tz}
        appointments={appointments}
        rosterStaff={rosterStaff}
        opening={opening}
        columns={columns}
        colorBy={prefs.colorBy}
        showCancelled={prefs.showCancelled}
        colorOfService={colorOfService}
        clientName={clientName}
        canMove={canMove}
        canBook={canBook}
        height={height}
        onSlot={onSlot}
        onOpenAppointment={onOpenAppointment}
        onOpenBlocked={onOpenBlocked}
        onDrop={onDrop}
        onResize={onResize}
      />
      {booking ? (
        <BookingDrawer
          store={store}
          start={booking}
          staffNames={staffNames}
          onClose={() => setBooking(null)}
          onBooked={(a) => {
            setBooking(null);
            refresh();
            if (a.date !== date) setSearch({ date: a.date === today ? undefined : a.date });
          }}
        />
      ) : null}
      {openId ? <AppointmentDrawer id={openId} store={store} staffNames={staffNames} onClose={() => setOpenId(null)} /> : null}
      {blockedId ? <BlockedDialog id={blockedId} rosterStaff={rosterStaff} onClose={() => setBlockedId(null)} /> : null}
      {conflict ? (
        <ConflictDialog
          appointment={conflict.appointment}
          alternatives={conflict.alternatives}
          staffNames={staffNames}
          onClose={() => setConflict(null)}
          onMoved={() => {
            setConflict(null);
            refresh();
          }}
        />
      ) : null}
      {waitlistOpen ? <WaitlistPanel store={store} staffNames={staffNames} onClose={() => setWaitlistOpen(false)} /> : null}
    </div>
  );
}
