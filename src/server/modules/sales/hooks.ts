// Registrations with other modules, run once when this module is imported (index.ts imports it).
import { registerUsageCheck } from '../catalog/index.js';
import { excludeFromBusinessExport, registerClientStoreLink, registerMergeTable } from '../clients/index.js';

// A service or product that was ever put on a ticket can only be archived, never hard-deleted.
registerUsageCheck(async (db, item) => {
  const used = await db
    .selectFrom('sale_lines')
    .select('id')
    .where('ref_id', '=', item.id)
    .where('kind', '=', item.type)
    .limit(1)
    .executeTakeFirst();
  return used ? 'sales' : null;
});

// Staff see the clients who bought at their stores; merging two clients moves their sales.
registerClientStoreLink({ table: 'sales', clientColumn: 'client_id', storeColumn: 'store_id' });
registerMergeTable('sales');

// Counters are technical.
excludeFromBusinessExport('receipt_counters');
