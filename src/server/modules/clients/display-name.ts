// A client's name as every reply, receipt and message shows it. The rule lives in src/shared/client-name.ts
// so that the web app and the server read names the same way.
import { clientDisplayName } from '../../../shared/client-name.js';

export { type ClientNameParts, clientDisplayName } from '../../../shared/client-name.js';

/** The display name of a `clients` row (or any select of its three name columns). */
export function clientRowName(row: { first_name: string; last_name: string; preferred_name: string | null }): string {
  return clientDisplayName({ firstName: row.first_name, lastName: row.last_name, preferredName: row.preferred_name });
}
