import { readFileSync } from 'node:fs';

// node --import tsx bench/support/profile-summary.ts FILE.cpuprofile [top]
// Prints self time by package/area and the hottest functions of a V8 CPU profile.

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number; children?: number[] };
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[] };

const [file, topArg] = process.argv.slice(2);
if (!file) {
  console.error('usage: profile-summary.ts FILE.cpuprofile [top]');
  process.exit(1);
}
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map<number, number>();
for (const [i, id] of profile.samples.entries()) self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
const total = [...self.values()].reduce((a, b) => a + b, 0);

function area(url: string, fn: string): string {
  if (!url) return fn.startsWith('(') ? fn : '(native/builtin)';
  const m = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (m) return m[1]!;
  if (url.startsWith('node:')) return url;
  const s = url.match(/\/(src\/server\/[^/]+(?:\/[^/]+)?)/);
  return s ? s[1]! : url;
}

const areas = new Map<string, number>();
const fns = new Map<string, number>();
for (const [id, us] of self) {
  const n = byId.get(id)!;
  const a = area(n.callFrame.url, n.callFrame.functionName);
  areas.set(a, (areas.get(a) ?? 0) + us);
  const key = `${n.callFrame.functionName || '(anonymous)'}  ${n.callFrame.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*\/work\/main\//, '')}:${n.callFrame.lineNumber + 1}`;
  fns.set(key, (fns.get(key) ?? 0) + us);
}
const pct = (us: number) => `${((us / total) * 100).toFixed(1).padStart(5)} %`;
console.log(`total sampled: ${(total / 1000).toFixed(0)} ms\n\nself time by area:`);
for (const [a, us] of [...areas].sort((x, y) => y[1] - x[1]).slice(0, 25)) console.log(`${pct(us)}  ${a}`);
console.log('\nhottest functions (self):');
for (const [f, us] of [...fns].sort((x, y) => y[1] - x[1]).slice(0, Number(topArg ?? 30))) console.log(`${pct(us)}  ${f}`);
