// The ticket client's packages as the register needs them (desk staff who may redeem): her packages with
// sessions left, the ones the server would use for each service on the ticket (GET /client-packages/applicable,
// which applies store validity and stage order), and — on a visit's ticket — the sessions already used for
// the visit's lines in the treatment room, so the desk neither uses a second one nor charges for it.
import { useQueries, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useCan } from '../../auth/session.js';
import { applicableQuery, clientPackagesQuery, sessionsQuery } from '../../packages/api.js';
import type { Applicable, ClientPackage, PackageItem, PackageSession } from '../../packages/types.js';
import { lineServiceId, redemptionRef } from '../lib/redemption.js';
import type { Sale, SaleLine } from '../types.js';

export type RoomSession = { session: PackageSession; pkg: ClientPackage; item: PackageItem | undefined };

export type TicketPackages = {
  enabled: boolean;
  /** Her packages that are open (active or frozen) with sessions left. */
  open: ClientPackage[];
  byId: ReadonlyMap<string, ClientPackage>;
  /** Packages the server would use for this service here and now (undefined: still loading). */
  optionsFor: (serviceId: string) => Applicable[] | undefined;
  /** A session already used for this visit line outside this ticket (the appointment drawer). */
  usedInRoom: (appointmentLineId: string | undefined) => RoomSession | undefined;
  /** The package and item a redemption line uses. */
  redemptionOf: (line: SaleLine) => { pkg: ClientPackage; item: PackageItem } | undefined;
};

export function useTicketPackages(sale: Sale): TicketPackages {
  const can = useCan();
  const clientId = sale.clientId ?? '';
  const enabled = !!sale.clientId && sale.status === 'open' && can('packages.redeem');
  const list = useQuery({ ...clientPackagesQuery(clientId, 'all'), enabled });
  const pkgs = useMemo(() => (enabled ? (list.data?.data ?? []) : []), [enabled, list.data]);

  const used = sale.appointmentId ? pkgs.filter((p) => p.sessions.used > 0) : [];
  // Looked at again now and then: the technician may use one in the room while the ticket is open.
  const sessions = useQueries({ queries: used.map((p) => ({ ...sessionsQuery(p.id), enabled, refetchInterval: 15_000 })) });
  const sessionData = sessions.map((s) => s.data);

  const serviceIds = [...new Set(sale.lines.filter((l) => l.kind === 'service').flatMap((l) => lineServiceId(l) ?? []))].sort();
  const applicable = useQueries({
    queries: serviceIds.map((serviceId) => ({
      ...applicableQuery({ clientId, storeId: sale.storeId, serviceId }),
      enabled: enabled && pkgs.some((p) => p.status === 'active' && p.sessions.remaining > 0),
    })),
  });
  const applicableData = applicable.map((a) => a.data);

  // Worked out on each render: a handful of packages and lines.
  const byId = new Map(pkgs.map((p) => [p.id, p]));
  const options = new Map(serviceIds.map((id, i) => [id, applicableData[i]?.data]));
  const room = new Map<string, RoomSession>();
  for (const data of sessionData)
    for (const s of data?.data ?? []) {
      if (s.status !== 'redeemed' || !s.appointmentLineId || s.saleId === sale.id) continue;
      const pkg = byId.get(s.packageId);
      if (pkg) room.set(s.appointmentLineId, { session: s, pkg, item: pkg.items.find((i) => i.id === s.itemId) });
    }
  return {
    enabled,
    open: pkgs.filter((p) => (p.status === 'active' || p.status === 'frozen') && p.sessions.remaining > 0),
    byId,
    optionsFor: (serviceId) => (enabled ? options.get(serviceId) : []),
    usedInRoom: (lineId) => (lineId ? room.get(lineId) : undefined),
    redemptionOf: (line) => {
      const ref = redemptionRef(line);
      const pkg = ref && byId.get(ref.clientPackageId);
      const item = pkg?.items.find((i) => i.id === ref?.itemId);
      return pkg && item ? { pkg, item } : undefined;
    },
  };
}
