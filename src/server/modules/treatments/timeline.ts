// The progress timeline (per client or per package): packages with sessions done and remaining, records
// in order, the first-vs-latest photo pair, template metric series for charts, the next recommended date
// and open recommendations. What the technician sees in the appointment drawer before the visit, and (the
// records shared with her, without internal notes) what the client sees on the portal.
// A fixed number of queries whatever the number of records (a timeline of 100 records answers in a few ms).
import type { Executor } from '../../db/tx.js';
import type { FieldCipher } from '../../platform/crypto.js';
import type { Language } from '../../platform/i18n.js';
import { clientRowName } from '../clients/index.js';
import {
  openRecommendations,
  type PackageDto,
  type PackageRow,
  packageDtos,
  packagesOfClient,
  parseJson,
  type Translations,
} from '../packages/index.js';
import { chartFields, type FieldDef, type Label } from './fields.js';
import { fastLocalDate as localDate, fastZonedIso as toZonedIso } from './local-time.js';
import { type PhotoRow, photoDto, photosOfRecords } from './photos.js';
import { type Clinical, decryptClinical, isLocked, type RecordRow } from './records.js';

export type TimelineView = {
  /** Health content (metrics, notes, photos): staff with clients.health, or the client herself. */
  health: boolean;
  /** The client's own view: shared records only, no internal notes, technique or settings. */
  portal: boolean;
  cipher: FieldCipher;
  now: number;
  photoUrlBase?: string;
  /** The caller's language, for names resolved on the server (recommendations). */
  lang?: Language;
};

type Series = {
  templateId: string;
  key: string;
  label: Label;
  type: 'scale' | 'number';
  min: number;
  max: number;
  unit: string | null;
  higherIsBetter: boolean | null;
  points: Array<{ recordId: string; date: string; value: number }>;
};

/** A record with the names a timeline shows beside it, read in the same query. */
type JoinedRecord = RecordRow & {
  service_name: string;
  service_tr: string;
  staff_name: string;
  store_name: string;
  tz: string;
  s_package_id: string | null;
  s_number: number | null;
  s_status: string | null;
  p_name: string | null;
  p_tr: string | null;
  addenda_n: number | null;
};

/** Records with their service, technician, store, package session and addenda count: one query. */
function joinedRecords(db: Executor) {
  return db
    .selectFrom('treatment_records as r')
    .innerJoin('services as sv', 'sv.id', 'r.service_id')
    .innerJoin('staff as st', 'st.id', 'r.staff_id')
    .innerJoin('stores as so', 'so.id', 'r.store_id')
    .leftJoin('package_sessions as ps', 'ps.id', 'r.package_session_id')
    .leftJoin('client_packages as cp', 'cp.id', 'ps.package_id')
    .selectAll('r')
    .select([
      'sv.name as service_name',
      'sv.name_translations as service_tr',
      'st.display_name as staff_name',
      'so.name as store_name',
      'so.time_zone as tz',
      'ps.package_id as s_package_id',
      'ps.session_number as s_number',
      'ps.status as s_status',
      'cp.name as p_name',
      'cp.name_translations as p_tr',
      (eb) =>
        eb
          .selectFrom('treatment_addenda as a')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('a.record_id', '=', 'r.id')
          .as('addenda_n'),
    ]);
}

async function templateFields(db: Executor, records: readonly RecordRow[]) {
  const ids = [...new Set(records.map((r) => r.template_id).filter((x): x is string => !!x))];
  const rows = ids.length ? await db.selectFrom('treatment_templates').select(['id', 'fields']).where('id', 'in', ids).execute() : [];
  return new Map(rows.map((t) => [t.id, parseJson<FieldDef[]>(t.fields, [])]));
}

/** First and latest photo, side by side: the earliest record's "before" (else its first), the latest record's "after" (else its last). */
function comparison(records: readonly JoinedRecord[], photos: readonly PhotoRow[], base: string | undefined) {
  if (photos.length < 2) return null;
  const byRecord = new Map<string, PhotoRow[]>();
  for (const p of photos) byRecord.set(p.record_id, [...(byRecord.get(p.record_id) ?? []), p]);
  const withPhotos = records.filter((r) => byRecord.has(r.id));
  const firstRec = withPhotos[0]!;
  const lastRec = withPhotos[withPhotos.length - 1]!;
  const firstList = byRecord.get(firstRec.id)!;
  const lastList = byRecord.get(lastRec.id)!;
  const first = firstList.find((p) => p.kind === 'before') ?? firstList[0]!;
  const latest = [...lastList].reverse().find((p) => p.kind === 'after') ?? lastList[lastList.length - 1]!;
  if (first.id === latest.id) return null;
  return { first: photoDto(first, base), latest: photoDto(latest, base) };
}

export type TimelineInput = { clientId: string; records: JoinedRecord[]; packages: PackageRow[] };

async function build(db: Executor, input: TimelineInput, view: TimelineView) {
  const { records } = input;
  const [fields, photos, packages, upcoming, client] = await Promise.all([
    view.health ? templateFields(db, records) : Promise.resolve(new Map<string, FieldDef[]>()),
    view.health
      ? photosOfRecords(
          db,
          records.map((r) => r.id),
        )
      : Promise.resolve([] as PhotoRow[]),
    input.packages.length ? packageDtos(db, input.packages, view.now) : Promise.resolve([] as PackageDto[]),
    db
      .selectFrom('appointments')
      .select(['id', 'start_at', 'store_id'])
      .where('client_id', '=', input.clientId)
      .where('start_at', '>=', view.now)
      .where('status', 'in', ['booked', 'confirmed', 'checked_in'])
      .orderBy('start_at')
      .limit(1)
      .executeTakeFirst(),
    db
      .selectFrom('clients')
      .select(['id', 'first_name', 'last_name', 'preferred_name'])
      .where('id', '=', input.clientId)
      .executeTakeFirst(),
  ]);
  const photosBy = new Map<string, PhotoRow[]>();
  for (const p of photos) photosBy.set(p.record_id, [...(photosBy.get(p.record_id) ?? []), p]);
  const series = new Map<string, Series>();
  const out = records.map((r) => {
    const tz = r.tz;
    const date = localDate(r.started_at, tz);
    let clinical: Clinical | null = null;
    if (view.health) {
      clinical = decryptClinical(view.cipher, r);
      for (const f of chartFields(r.template_id ? (fields.get(r.template_id) ?? []) : [])) {
        const v = clinical.metrics[f.key];
        if (typeof v !== 'number') continue;
        const id = `${r.template_id}:${f.key}`;
        const s = series.get(id) ?? {
          templateId: r.template_id!,
          key: f.key,
          label: f.label,
          type: f.type,
          min: f.min,
          max: f.max,
          unit: f.type === 'number' ? (f.unit ?? null) : null,
          higherIsBetter: f.higherIsBetter ?? null,
          points: [],
        };
        s.points.push({ recordId: r.id, date, value: v });
        series.set(id, s);
      }
    }
    const health = clinical && (view.portal ? { metrics: clinical.metrics, aftercare: clinical.aftercare } : clinical);
    return {
      id: r.id,
      date,
      startedAt: toZonedIso(r.started_at, tz),
      storeId: r.store_id,
      storeName: r.store_name,
      service: { id: r.service_id, name: r.service_name, nameTranslations: parseJson<Translations>(r.service_tr, {}) },
      staff: { id: r.staff_id, name: r.staff_name },
      templateId: r.template_id,
      packageSession:
        r.package_session_id && r.s_package_id
          ? {
              id: r.package_session_id,
              packageId: r.s_package_id,
              packageName: r.p_name ?? '',
              packageNameTranslations: parseJson<Translations>(r.p_tr, {}),
              sessionNumber: Number(r.s_number),
              status: r.s_status,
            }
          : null,
      nextRecommendedOn: r.next_recommended_on,
      ...(view.portal
        ? {}
        : {
            sharedWithClient: r.shared_with_client === 1,
            technique: r.technique,
            products: parseJson<Array<{ productId: string; amount: number }>>(r.products, []),
            addenda: Number(r.addenda_n ?? 0),
            locked: isLocked(r, view.now),
          }),
      ...(health ? { health } : {}),
      ...(view.health ? { photos: (photosBy.get(r.id) ?? []).map((p) => photoDto(p, view.photoUrlBase)) } : {}),
    };
  });
  const latest = [...records].reverse().find((r) => r.next_recommended_on);
  const upcomingTz = upcoming ? (records.find((r) => r.store_id === upcoming.store_id)?.tz ?? latest?.tz ?? 'UTC') : 'UTC';
  const today = latest ? localDate(view.now, latest.tz) : null;
  return {
    client: client ? { id: client.id, name: clientRowName(client) } : null,
    packages,
    records: out,
    ...(view.health ? { photoComparison: comparison(records, photos, view.photoUrlBase), metrics: [...series.values()] } : {}),
    nextRecommended: latest
      ? {
          date: latest.next_recommended_on!,
          serviceId: latest.service_id,
          recordId: latest.id,
          overdue: today !== null && latest.next_recommended_on! < today,
          booked: upcoming ? { appointmentId: upcoming.id, startAt: toZonedIso(upcoming.start_at, upcomingTz) } : null,
        }
      : null,
    ...(view.portal ? {} : { recommendations: await openRecommendations(db, input.clientId, view.lang) }),
  };
}

export type Timeline = Awaited<ReturnType<typeof build>>;

/** A client's timeline: every record (portal: the shared ones), every package she owns or shares. */
export async function clientTimeline(db: Executor, clientId: string, view: TimelineView): Promise<Timeline> {
  let q = joinedRecords(db).where('r.client_id', '=', clientId);
  if (view.portal) q = q.where('r.shared_with_client', '=', 1);
  const [records, packages] = await Promise.all([q.orderBy('r.started_at').orderBy('r.id').execute(), packagesOfClient(db, clientId)]);
  return build(db, { clientId, records, packages }, view);
}

/** One package's timeline: its sessions' records in order, and the package with what is done and left. */
export async function packageTimeline(db: Executor, pkg: PackageRow, view: TimelineView, opts: { recordsOf?: string } = {}) {
  const sessions = await db
    .selectFrom('package_sessions')
    .select(['id', 'item_id', 'client_id', 'service_id', 'staff_id', 'session_number', 'value', 'status', 'redeemed_at', 'store_id'])
    .where('package_id', '=', pkg.id)
    .orderBy('redeemed_at')
    .orderBy('id')
    .execute();
  let q = joinedRecords(db).where('r.package_session_id', 'in', sessions.length ? sessions.map((s) => s.id) : ['-']);
  if (view.portal) q = q.where('r.shared_with_client', '=', 1);
  if (opts.recordsOf) q = q.where('r.client_id', '=', opts.recordsOf);
  const records = await q.orderBy('r.started_at').orderBy('r.id').execute();
  const timeline = await build(db, { clientId: opts.recordsOf ?? pkg.client_id, records, packages: [pkg] }, view);
  const recordBySession = new Map(records.map((r) => [r.package_session_id, r.id]));
  return {
    ...timeline,
    sessions: sessions.map((s) => ({
      id: s.id,
      itemId: s.item_id,
      clientId: s.client_id,
      serviceId: s.service_id,
      staffId: s.staff_id,
      sessionNumber: s.session_number,
      ...(view.portal ? {} : { value: s.value }),
      status: s.status,
      redeemedAt: new Date(s.redeemed_at).toISOString(),
      recordId: recordBySession.get(s.id) ?? null,
    })),
  };
}
