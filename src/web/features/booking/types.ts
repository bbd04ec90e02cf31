// Shapes of the public online-booking API (src/server/modules/appointments/routes-public.ts) and of a
// store's booking settings (settings.ts).
import type { Slot } from '../calendar/types.js';

/** An extra a client may pick with a service: its minutes lengthen the visit, its price adds to the total. */
export interface PublicAddOn {
  id: string;
  name: string;
  price: number;
  extraMin: number;
}

export interface PublicService {
  id: string;
  name: string;
  categoryId: string | null;
  durationMin: number;
  price: number;
  staff: { staffId: string; price: number | null; durationMin: number | null }[];
  addOns: PublicAddOn[];
}

export interface PublicStore {
  name: string;
  slug: string;
  timeZone: string;
  currency: string;
  phone: string | null;
  address: string | null;
  booking: {
    newClientsAllowed: boolean;
    noticeMin: number;
    horizonDays: number;
    cancellationWindowHours: number;
    depositPolicy: { cardOnFileRequired: boolean; depositAmount: number };
  };
  /** Categories of the services offered, in menu order. */
  categories: { id: string; name: string; color: string | null }[];
  services: PublicService[];
  staff: { id: string; displayName: string }[];
}

export interface PublicAvailability {
  timeZone: string;
  from: string;
  to: string;
  slots: Slot[];
}

export interface PublicBooking {
  status: string;
  store: { name: string; slug: string; phone: string | null; address: string | null; timeZone: string };
  timeZone: string;
  date: string;
  startLocal: string;
  start: string;
  end: string;
  services: {
    serviceId: string;
    name: string;
    staffName: string;
    start: string;
    end: string;
    price: number;
    addOns: { id: string; name: string; extraMin: number; price: number }[];
  }[];
  total: number;
  currency: string;
  changeableUntil: string;
  canCancel: boolean;
  canReschedule: boolean;
}

export interface BookingResult {
  manageToken: string;
  appointmentId: string;
  appointment: PublicBooking;
}

export type FeePolicy = { kind: 'none' } | { kind: 'fixed'; amount: number } | { kind: 'percent'; percent: number };

export const ANY_STAFF_STRATEGIES = ['least_booked', 'rotation', 'fixed_order'] as const;

export interface BookingSettings {
  storeId: string;
  onlineEnabled: boolean;
  newClientsAllowed: boolean;
  noticeMin: number;
  horizonDays: number;
  slotStepMin: number;
  allowProcessingOverlap: boolean;
  anyStaffStrategy: (typeof ANY_STAFF_STRATEGIES)[number];
  cancellationWindowHours: number;
  lateCancelFee: FeePolicy;
  noShowFee: FeePolicy;
  depositPolicy: { cardOnFileRequired: boolean; depositAmount: number };
  reminderHoursBefore: number;
  smsQuietHours: { start: string; end: string };
  /** Rolling 24 h cap on texts to one client (cancellations always go). */
  smsPerClientPerDay: number;
  version: number;
}
