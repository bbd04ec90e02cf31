// Hot paths cache what they read often: a store's slow-changing set-up (store row, settings, catalog,
// staff, rosters) and who is busy when (bookings, blocked time). Rather than trusting every write path to
// remember to drop those caches, the database handle watches its own statements: an insert, update or
// delete of a watched table moves its group's generation counter, and a cached value is good only for the
// generation it was read in.
import {
  DeleteQueryNode,
  InsertQueryNode,
  type KyselyPlugin,
  type OperationNode,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  TableNode,
  type UnknownRow,
  UpdateQueryNode,
} from 'kysely';

export type WatchedGroup = 'setup' | 'busy';

/** Tables whose rows the set-up caches are built from. Writes to them are rare (back office). */
const SETUP_TABLES = [
  'stores',
  'store_booking_settings',
  'store_sales_settings',
  'staff',
  'staff_stores',
  'staff_rosters',
  'roster_exceptions',
  'service_categories',
  'services',
  'service_staff',
  'service_overrides',
  'service_add_ons',
  'add_ons',
  'products',
  'product_overrides',
  'resources',
];
/** Tables that say who and what is busy when: every booking writes them. */
const BUSY_TABLES = ['appointment_lines', 'staff_occupancy', 'resource_occupancy', 'blocked_times'];

const groupOf = new Map<string, WatchedGroup>([
  ...SETUP_TABLES.map((t) => [t, 'setup'] as const),
  ...BUSY_TABLES.map((t) => [t, 'busy'] as const),
]);
const generations: Record<WatchedGroup, number> = { setup: 0, busy: 0 };

/** Moves on every write to a table of the group: before it runs, once it ran, and once its transaction ended. */
export const generationOf = (group: WatchedGroup): number => generations[group];

/**
 * For writes this plugin cannot see (statements precompiled by db/compiled.ts): call it before and after
 * the statement runs, like the plugin does; withTransaction moves the group once more after the commit.
 */
export function noteWrite(group: WatchedGroup): void {
  generations[group]++;
}

/** The generations now, to hand to `afterTransaction` once the transaction ended. */
export const watchStamp = (): Readonly<Record<WatchedGroup, number>> => ({ ...generations });

/** A transaction ended (commit or rollback): the groups it wrote move once more (see db/tx.ts). */
export function afterTransaction(stamp: Readonly<Record<WatchedGroup, number>>): void {
  for (const g of ['setup', 'busy'] as const) if (generations[g] !== stamp[g]) generations[g]++;
}

function tablesOf(node: OperationNode | undefined): string[] {
  if (!node) return [];
  if (TableNode.is(node)) return [node.table.identifier.name];
  // update … / delete from … may name several tables (joins, aliases): look at each.
  const n = node as { froms?: readonly OperationNode[]; node?: OperationNode };
  if (n.froms) return n.froms.flatMap(tablesOf);
  if (n.node) return tablesOf(n.node);
  return [];
}

function writtenGroups(node: RootOperationNode): WatchedGroup[] {
  const tables = InsertQueryNode.is(node)
    ? tablesOf(node.into)
    : UpdateQueryNode.is(node)
      ? tablesOf(node.table)
      : DeleteQueryNode.is(node)
        ? tablesOf(node.from)
        : [];
  return tables.flatMap((t) => groupOf.get(t) ?? []);
}

/**
 * The Kysely plugin that moves the generations. A write outside a transaction has committed once it ran;
 * inside one, withTransaction moves the generation again after the commit or rollback (see db/tx.ts).
 * Statements compiled once and run many times (db/compiled.ts) share one query id: the groups stay
 * attached to it, so each run moves them once it ran. Raw `sql` statements are not seen: watched tables
 * are written through the query builder.
 */
export class WriteWatch implements KyselyPlugin {
  private readonly written = new WeakMap<object, WatchedGroup[]>();
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    const groups = writtenGroups(args.node);
    if (groups.length) {
      for (const g of groups) generations[g]++;
      this.written.set(args.queryId, groups);
    }
    return args.node;
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    const groups = this.written.get(args.queryId);
    if (groups) for (const g of groups) generations[g]++;
    return args.result;
  }
}
