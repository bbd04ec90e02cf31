import type { CliCommand } from '../../cli/index.js';
import { formatReconcileReport, reconcile } from './reconcile.js';

/**
 * `npm run reconcile` (`node --import tsx src/server/main.ts reconcile [--json]`): proves sum(entries) =
 * balance for every ledger account. Exit 0 when everything reconciles, 1 with a listing otherwise.
 */
export const reconcileCommand: CliCommand = async (config, args, openRuntime) => {
  const deps = await openRuntime(config);
  try {
    const report = await reconcile(deps.database.db);
    if (args.includes('--json')) console.log(JSON.stringify(report, null, 2));
    else console.log(formatReconcileReport(report));
    return report.ok ? 0 : 1;
  } finally {
    await deps.database.close();
  }
};
