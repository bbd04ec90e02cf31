/** What a bench script returns to bench/run.ts. */
export type BenchOutcome = { name: string; pass: boolean };

/** A target from the issue and what this run measured. Non-binding targets are shown for information. */
export type Target = { name: string; measured: string; pass: boolean; binding: boolean };

export const fmt = {
  ms: (v: number) => (Number.isFinite(v) ? `${v < 10 ? v.toFixed(2) : v.toFixed(1)} ms` : '–'),
  int: (v: number) => Math.round(v).toLocaleString('en-US'),
};

/** Prints rows as an aligned plain-text table; numbers (after the first column) are right-aligned. */
export function printTable(rows: string[][]): void {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) =>
    r
      .map((cell, i) => (i > 0 && /^[\d.,–]/.test(cell) ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  console.log(line(rows[0]!));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows.slice(1)) console.log(line(r));
}
