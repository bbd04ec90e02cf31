// The new-record page's search params: where the record comes from (a redeemed session, an appointment line).
export interface NewRecordSearch {
  serviceId?: string;
  storeId?: string;
  staffId?: string;
  packageSessionId?: string;
  packageId?: string;
  appointmentLineId?: string;
}

const KEYS = ['serviceId', 'storeId', 'staffId', 'packageSessionId', 'packageId', 'appointmentLineId'] as const;

export function validateNewRecordSearch(search: Record<string, unknown>): NewRecordSearch {
  const out: NewRecordSearch = {};
  for (const k of KEYS) {
    const v = search[k];
    if (typeof v === 'string' && /^[0-9a-f-]{36}$/i.test(v)) out[k] = v;
  }
  return out;
}
