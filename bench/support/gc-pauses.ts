import { constants, PerformanceObserver } from 'node:perf_hooks';

// Garbage-collection pauses of this thread (the server's) while a load runs. At 10 connections every pause
// holds up every request in flight, so a few long pauses are a large share of the slowest 1 %: this line
// says whether a p99 is the code's or the collector's.

type Kind = 'minor' | 'major' | 'other';
const kindOf = (k: number | undefined): Kind =>
  k === constants.NODE_PERFORMANCE_GC_MINOR ? 'minor' : k === constants.NODE_PERFORMANCE_GC_MAJOR ? 'major' : 'other';

/**
 * Starts watching; `stop()` answers one line: count, total and longest pause by kind. Pauses in the first
 * `warmupMs` are not counted (the load's warm-up, when the requests the bench built beforehand are still
 * being moved to the old generation).
 */
export function gcPauses(warmupMs = 0): { stop(): string } {
  const pauses: Record<Kind, number[]> = { minor: [], major: [], other: [] };
  const from = performance.now() + warmupMs;
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.startTime >= from) pauses[kindOf((e as { detail?: { kind?: number } }).detail?.kind)].push(e.duration);
    }
  });
  observer.observe({ entryTypes: ['gc'] });
  return {
    stop() {
      observer.disconnect();
      const parts = (Object.keys(pauses) as Kind[])
        .filter((k) => pauses[k].length)
        .map((k) => {
          const d = pauses[k];
          const total = d.reduce((a, b) => a + b, 0);
          const over10 = d.filter((x) => x >= 10).length;
          return `${d.length} ${k} (${total.toFixed(0)} ms in all, longest ${Math.max(...d).toFixed(1)} ms, ${over10} of 10 ms or more)`;
        });
      return `server thread GC pauses during the measured run: ${parts.length ? parts.join(', ') : 'none'}`;
    },
  };
}
