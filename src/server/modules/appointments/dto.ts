// Rows → API shapes. Instants leave as ISO 8601 with the store's offset; the store's zone is named beside them.
import type { Executor } from '../../db/tx.js';
import type { Language } from '../../platform/i18n.js';
import { type CatalogAddOn, type EffectiveService, getAddOns, getEffectiveServices, resolveText } from '../catalog/index.js';
import { lineTotal, parseBooked } from './add-ons.js';
import { collectedFees } from './fees.js';
import { type AppointmentRow, type ClientSummary, clientSummaries, type LineRow, linesByAppointment, staffNames } from './repo.js';
import { allowedActions, type Status } from './status.js';
import { isoIn, localParts } from './time.js';

const iso = (ms: number | null, tz: string) => (ms === null ? null : isoIn(ms, tz));

export type AppointmentDto = ReturnType<typeof toAppointmentDto>;

type Names = {
  services: Map<string, { name: string }>;
  addOns: Map<string, { name: string }>;
  staff: Map<string, { name: string; displayName: string }>;
  clients: Map<string, ClientSummary>;
};

/** Who paid a visit's fee at checkout (see fees.ts). */
export type FeePayment = { saleId: string; receiptCode: string | null };

export function toAppointmentDto(
  row: AppointmentRow,
  lines: readonly LineRow[],
  tz: string,
  currency: string,
  names: Names,
  feePaid: FeePayment | null = null,
) {
  const local = localParts(row.start_at, tz);
  const client = row.client_id ? names.clients.get(row.client_id) : undefined;
  const stamp = (at: number | null, by: string | null) => (at === null ? null : { at: iso(at, tz), by });
  return {
    id: row.id,
    storeId: row.store_id,
    status: row.status as Status,
    source: row.source,
    notes: row.notes,
    timeZone: tz,
    date: local.date,
    startLocal: local.time,
    start: isoIn(row.start_at, tz),
    end: isoIn(row.end_at, tz),
    client: client
      ? {
          id: client.id,
          firstName: client.firstName,
          lastName: client.lastName,
          preferredName: client.preferredName,
          phone: client.phone,
          email: client.email,
          /** An allergies reminder is on the client's card (the calendar shows an icon; the text is never here). */
          allergyFlag: client.allergyFlag,
        }
      : row.client_id
        ? { id: row.client_id, firstName: '', lastName: '', preferredName: null, phone: null, email: null, allergyFlag: false }
        : null,
    lines: lines.map((l) => ({
      id: l.id,
      position: l.position,
      serviceId: l.service_id,
      serviceName: names.services.get(l.service_id)?.name ?? '',
      staffId: l.staff_id,
      staffName: names.staff.get(l.staff_id)?.displayName ?? '',
      staffRequested: l.staff_requested === 1,
      resourceId: l.resource_id,
      parallelWithPrevious: l.parallel_with_previous === 1,
      start: isoIn(l.start_at, tz),
      end: isoIn(l.end_at, tz),
      busyStart: isoIn(l.busy_start_at, tz),
      busyEnd: isoIn(l.busy_end_at, tz),
      processing:
        l.processing_start_at !== null && l.processing_end_at !== null
          ? { start: isoIn(l.processing_start_at, tz), end: isoIn(l.processing_end_at, tz) }
          : null,
      /** Minutes of service, add-ons included. */
      durationMin: l.duration_min,
      /** The length was set by hand (a resize): send it again when the visit moves. */
      customDuration: l.custom_duration === 1,
      price: l.price,
      addOns: parseBooked(l.add_ons).map((a) => ({
        id: a.id,
        name: names.addOns.get(a.id)?.name ?? '',
        extraMin: a.extraMin,
        price: a.price,
      })),
    })),
    /** Services and add-ons. */
    total: lines.reduce((sum, l) => sum + lineTotal(l), 0),
    currency,
    fee:
      row.fee_kind && row.fee_amount !== null
        ? {
            kind: row.fee_kind,
            amount: row.fee_amount,
            /** Collected at checkout (line `appointment_fee`) and not refunded. */
            collected: feePaid !== null,
            saleId: feePaid?.saleId ?? null,
            receiptCode: feePaid?.receiptCode ?? null,
          }
        : null,
    cancelReason: row.cancel_reason,
    rescheduleCount: row.reschedule_count,
    allowedActions: allowedActions(row.status as Status),
    created: { at: isoIn(row.created_at, tz), by: row.created_by },
    confirmed: stamp(row.confirmed_at, row.confirmed_by),
    checkedIn: stamp(row.checked_in_at, row.checked_in_by),
    started: stamp(row.started_at, row.started_by),
    completed: stamp(row.completed_at, row.completed_by),
    cancelled: stamp(row.cancelled_at, row.cancelled_by),
    noShow: stamp(row.no_show_at, row.no_show_by),
    version: row.version,
    updatedAt: isoIn(row.updated_at, tz),
  };
}

/** Loads names (services in the reader's language, staff display names, clients) for a set of appointments. */
export async function loadNames(
  db: Executor,
  storeId: string,
  lines: readonly LineRow[],
  clientIds: readonly (string | null)[],
  lang: Language,
): Promise<Names> {
  const addOnIds = lines.flatMap((l) => parseBooked(l.add_ons).map((a) => a.id));
  const [services, staff, clients, addOns] = await Promise.all([
    getEffectiveServices(
      db,
      storeId,
      lines.map((l) => l.service_id),
    ),
    staffNames(
      db,
      lines.map((l) => l.staff_id),
    ),
    clientSummaries(db, clientIds),
    addOnIds.length ? getAddOns(db, addOnIds) : new Map<string, CatalogAddOn>(),
  ]);
  return {
    services: new Map([...services].map(([id, s]) => [id, { name: resolveText(s.name, s.nameTranslations, lang) }])),
    addOns: addOnNames(addOns, lang),
    staff,
    clients,
  };
}

const addOnNames = (addOns: ReadonlyMap<string, CatalogAddOn>, lang: Language) =>
  new Map([...addOns].map(([id, a]) => [id, { name: resolveText(a.name, a.nameTranslations, lang) }]));

export type StoreRef = { id: string; timeZone: string; currency: string };

export async function appointmentDtos(
  db: Executor,
  store: StoreRef,
  rows: readonly AppointmentRow[],
  lang: Language,
): Promise<AppointmentDto[]> {
  if (rows.length === 0) return [];
  const byAppointment = await linesByAppointment(
    db,
    rows.map((r) => r.id),
  );
  const allLines = [...byAppointment.values()].flat();
  const names = await loadNames(
    db,
    store.id,
    allLines,
    rows.map((r) => r.client_id),
    lang,
  );
  const withFee = rows.filter((r) => r.fee_kind).map((r) => r.id);
  const paid = withFee.length ? await collectedFees(db, withFee) : new Map<string, FeePayment>();
  return rows.map((r) => toAppointmentDto(r, byAppointment.get(r.id) ?? [], store.timeZone, store.currency, names, paid.get(r.id) ?? null));
}

/** The answer for a visit just written: names from the catalog terms it was placed with, staff and client looked up. */
export async function freshDto(
  db: Executor,
  store: StoreRef,
  row: AppointmentRow,
  lines: readonly LineRow[],
  services: ReadonlyMap<string, EffectiveService>,
  lang: Language,
  addOns: ReadonlyMap<string, CatalogAddOn> = new Map(),
  known: { staff?: Names['staff']; clients?: Names['clients'] } = {},
): Promise<AppointmentDto> {
  // Names read before the transaction (see book) save round trips when they cover this visit.
  const [staff, clients] = await Promise.all([
    known.staff && lines.every((l) => known.staff!.has(l.staff_id))
      ? known.staff
      : staffNames(
          db,
          lines.map((l) => l.staff_id),
        ),
    known.clients && (!row.client_id || known.clients.has(row.client_id)) ? known.clients : clientSummaries(db, [row.client_id]),
  ]);
  const names: Names = {
    services: new Map([...services].map(([id, s]) => [id, { name: resolveText(s.name, s.nameTranslations, lang) }])),
    addOns: addOnNames(addOns, lang),
    staff,
    clients,
  };
  return toAppointmentDto(row, lines, store.timeZone, store.currency, names);
}
