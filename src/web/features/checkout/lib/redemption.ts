// Package sessions on a ticket: turning a service line into a `package_redemption` line (and back), and
// which session of the package each redemption line will be. The server checks and prices them; this only
// builds request lines and counts for the screen. Pure.
import type { LineInput, SaleLine } from '../types.js';
import { techniciansBody } from './lines.js';

export const REDEMPTION_KIND = 'package_redemption';

export type RedemptionChoice = {
  clientPackageId: string;
  /** The item the server said would be used (null: let it choose). */
  itemId: string | null;
  /** A manager using a later stage first, with the reason. */
  overrideReason?: string | undefined;
};

const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);

/** The service a service or redemption line is for. */
export const lineServiceId = (line: SaleLine): string | undefined => str(line.input.serviceId);

/** The appointment line a ticket line came from (tickets opened from a visit). */
export const lineAppointmentLineId = (line: SaleLine): string | undefined => str(line.input.appointmentLineId);

/**
 * A service line as a redemption line of the same id: same service, technicians, visit line and note; no
 * price, discount or quantity (a session is one, and costs nothing at checkout).
 */
export function redemptionBody(line: SaleLine, choice: RedemptionChoice): LineInput {
  const serviceId = lineServiceId(line);
  if (!serviceId) throw new Error(`line ${line.id} is not for a service`);
  const body: LineInput = {
    id: line.id,
    kind: REDEMPTION_KIND,
    clientPackageId: choice.clientPackageId,
    serviceId,
    technicians: techniciansBody(line.technicians),
  };
  if (choice.itemId) body.itemId = choice.itemId;
  const visitLine = lineAppointmentLineId(line);
  if (visitLine) body.appointmentLineId = visitLine;
  if (choice.overrideReason?.trim()) body.stepOverride = { reason: choice.overrideReason.trim() };
  if (line.note) body.note = line.note;
  return body;
}

/** A redemption line back to a charged service line of the same id (the catalogue price). */
export function serviceBody(line: SaleLine): LineInput {
  const serviceId = lineServiceId(line);
  if (!serviceId) throw new Error(`line ${line.id} is not for a service`);
  const body: LineInput = { id: line.id, kind: 'service', serviceId, technicians: techniciansBody(line.technicians) };
  const visitLine = lineAppointmentLineId(line);
  if (visitLine) body.appointmentLineId = visitLine;
  if (line.note) body.note = line.note;
  return body;
}

/** A new redemption line for a service she wants from her package (not on the ticket yet). */
export function newRedemptionLine(serviceId: string, staffId: string, choice: RedemptionChoice): LineInput {
  const body: LineInput = { kind: REDEMPTION_KIND, clientPackageId: choice.clientPackageId, serviceId, technicians: [{ staffId }] };
  if (choice.itemId) body.itemId = choice.itemId;
  if (choice.overrideReason?.trim()) body.stepOverride = { reason: choice.overrideReason.trim() };
  return body;
}

/** The package item a redemption line uses, as the server priced it. */
export function redemptionRef(line: SaleLine): { clientPackageId: string; itemId: string } | null {
  if (line.kind !== REDEMPTION_KIND) return null;
  const clientPackageId = str(line.data.clientPackageId) ?? str(line.input.clientPackageId);
  const itemId = str(line.data.itemId);
  return clientPackageId && itemId ? { clientPackageId, itemId } : null;
}

/** Redemption lines of the ticket on one item, before `lineId` (all of them without it). */
export function takenOnTicket(lines: readonly SaleLine[], itemId: string, lineId?: string): number {
  let n = 0;
  for (const l of lines) {
    if (lineId && l.id === lineId) break;
    if (redemptionRef(l)?.itemId === itemId) n += 1;
  }
  return n;
}
