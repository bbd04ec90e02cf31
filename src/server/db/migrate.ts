import { type Kysely, type Migration, type MigrationProvider, Migrator } from 'kysely';
import * as m0001 from './migrations/0001_foundation.js';
import * as m0002 from './migrations/0002_catalog.js';
import * as m0003 from './migrations/0003_clients.js';
import * as m0004 from './migrations/0004_client_imports.js';
import * as m0005 from './migrations/0005_rosters.js';
import * as m0006 from './migrations/0006_appointments.js';
import * as m0007 from './migrations/0007_sales.js';
import * as m0008 from './migrations/0008_ledgers.js';
import * as m0010 from './migrations/0010_packages.js';
import * as m0011 from './migrations/0011_appointment_messages.js';
import * as m0012 from './migrations/0012_appointment_line_extras.js';
import * as m0013 from './migrations/0013_ledger_rules.js';
import * as m0014 from './migrations/0014_package_rule_names.js';
import * as m0015 from './migrations/0015_sale_tax_names.js';
import * as m0016 from './migrations/0016_open_shift_lookup.js';
import * as m0017 from './migrations/0017_balance_notice_skips.js';
import * as m0018 from './migrations/0018_client_search_covering.js';
import * as m0019 from './migrations/0019_bounded_overlap_triggers.js';

// Migrations are listed here (not discovered from disk) so they bundle and type-check;
// a new one is one import and one line. Numbers never change once landed.
const migrations: Record<string, Migration> = {
  '0001_foundation': m0001,
  '0002_catalog': m0002,
  '0003_clients': m0003,
  '0004_client_imports': m0004,
  '0005_rosters': m0005,
  '0006_appointments': m0006,
  '0007_sales': m0007,
  '0008_ledgers': m0008,
  '0010_packages': m0010,
  '0011_appointment_messages': m0011,
  '0012_appointment_line_extras': m0012,
  '0013_ledger_rules': m0013,
  '0014_package_rule_names': m0014,
  '0015_sale_tax_names': m0015,
  '0016_open_shift_lookup': m0016,
  '0017_balance_notice_skips': m0017,
  '0018_client_search_covering': m0018,
  '0019_bounded_overlap_triggers': m0019,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
