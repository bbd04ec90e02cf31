import { fullName } from '../clients/format.js';

/** A client's name as the calendar shows it (the full name in its script's order). */
export function displayName(c: { firstName: string; lastName: string; preferredName?: string | null; phone?: string | null }): string {
  return fullName(c) || c.preferredName?.trim() || c.phone || '—';
}
