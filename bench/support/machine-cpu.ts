import { readFileSync } from 'node:fs';

// CPU time the whole machine spent (every process: the server, PostgreSQL's backends, the load driver), from
// /proc/stat. On a 2-core machine the server, the database and the driver share the cores, so latency is a
// queue behind all three: CPU per request is the figure that tells where the time goes and stays steady
// when the machine is shared. Linux only; elsewhere it reports nothing.

type Sample = { busy: number; total: number } | undefined;

function sample(): Sample {
  try {
    const cpu = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!.trim().split(/\s+/).slice(1).map(Number);
    const idle = (cpu[3] ?? 0) + (cpu[4] ?? 0);
    const total = cpu.reduce((a, b) => a + b, 0);
    return { busy: total - idle, total };
  } catch {
    return undefined;
  }
}

/** Starts counting; `stop(n)` answers the machine's busy CPU milliseconds per operation over `n` operations. */
export function machineCpu(): { stop(operations: number): string } {
  const start = sample();
  const self0 = process.cpuUsage();
  const ticksPerMs = 100 / 1000; // USER_HZ is 100 on Linux
  return {
    stop(operations) {
      const end = sample();
      if (!start || !end || operations <= 0) return 'machine CPU per operation: not available here';
      const busyMs = (end.busy - start.busy) / ticksPerMs;
      const share = (end.busy - start.busy) / Math.max(1, end.total - start.total);
      const self = process.cpuUsage(self0);
      const selfMs = (self.user + self.system) / 1000;
      const per = (ms: number) => (ms / operations).toFixed(2);
      return `machine CPU per operation: ${per(busyMs)} ms (this process — server and load driver — ${per(selfMs)} ms, the rest — database — ${per(busyMs - selfMs)} ms); cores busy ${(share * 100).toFixed(0)} %`;
    },
  };
}
