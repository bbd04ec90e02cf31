import type { BenchOutcome } from './support/report.js';

// `npm run bench` runs every benchmark in turn; `npm run bench -- me` runs one. Each starts its own server on
// a fresh database (SQLite; BENCH_DB=postgres for PostgreSQL) and stops by itself. `--strict` makes a missed
// target exit 1 (for CI on a quiet machine); by default the figures are informational.

const BENCHES: Record<string, () => Promise<{ run(): Promise<BenchOutcome> }>> = {
  me: () => import('./me.js'),
  'clients-search': () => import('./clients-search.js'),
  'clients-import': () => import('./clients-import.js'),
  appointments: () => import('./appointments.js'),
  checkout: () => import('./checkout.js'),
  ledgers: () => import('./ledgers.js'),
  timeline: () => import('./timeline.js'),
};

async function main(argv: string[]): Promise<number> {
  const strict = argv.includes('--strict');
  const names = argv.filter((a) => !a.startsWith('--'));
  const unknown = names.filter((n) => !BENCHES[n]);
  if (unknown.length) {
    console.error(`Unknown benchmark ${unknown.join(', ')}. Available: ${Object.keys(BENCHES).join(', ')}`);
    return 1;
  }
  const outcomes: BenchOutcome[] = [];
  for (const name of names.length ? names : Object.keys(BENCHES)) {
    const bench = await BENCHES[name]!();
    outcomes.push(await bench.run());
  }
  console.log(`\n${outcomes.map((o) => `${o.name}: ${o.pass ? 'PASS' : 'FAIL'}`).join('  ')}`);
  return strict && outcomes.some((o) => !o.pass) ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : err);
    process.exit(1);
  },
);
