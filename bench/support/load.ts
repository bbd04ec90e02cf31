import { Worker } from 'node:worker_threads';

export type LoadOptions = {
  url: string;
  /** A mix of GET paths on the same server (e.g. many search queries) used instead of url's own path: each request takes the next one, in one rotation shared by all connections. */
  paths?: string[];
  /**
   * Writes instead of GETs: each sent once, in order across all connections (each with its own body and
   * headers, e.g. an Idempotency-Key, on top of `headers`); when they run out the run stops (`ranOut`).
   */
  requests?: Array<{ method: 'POST' | 'PUT' | 'PATCH'; path: string; body: string; headers?: Record<string, string> }>;
  headers?: Record<string, string>;
  /** Concurrent keep-alive connections (default 10). */
  connections?: number;
  /** Measured seconds (default 8), after `warmup` seconds that are not counted (default 2). */
  duration?: number;
  warmup?: number;
};

export type LoadResult = {
  requests: number;
  /** 2xx responses per second over the measured run. */
  rps: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  /** Responses that were not 2xx, and connection errors/timeouts: either makes a run invalid. */
  non2xx: number;
  errors: number;
  /** With `requests`: whether they ran out before the time was up, and how many were sent (warm-up included). */
  ranOut: boolean;
  sent: number;
};

/**
 * Drives `url` with autocannon from a worker thread, so the load generator does not share the event loop
 * with the server under test (which runs in this thread). Bounded: stops after warmup + duration seconds.
 */
export function load(opts: LoadOptions): Promise<LoadResult> {
  const workerData = {
    url: opts.url,
    paths: opts.paths ?? null,
    requests: opts.requests ?? null,
    headers: opts.headers ?? {},
    connections: opts.connections ?? 10,
    duration: opts.duration ?? 8,
    warmup: opts.warmup ?? 2,
  };
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./load-worker.mjs', import.meta.url), { workerData, execArgv: [] });
    const limit = setTimeout(
      () => {
        void worker.terminate();
        reject(new Error(`load run on ${opts.url} did not finish in time`));
      },
      (workerData.duration + workerData.warmup + 30) * 1000,
    );
    worker.once('error', (err) => {
      clearTimeout(limit);
      reject(err);
    });
    worker.once(
      'message',
      (msg: {
        error?: string;
        latencies: Float64Array;
        non2xx: number;
        errors: number;
        seconds: number;
        ranOut: boolean;
        sent: number;
      }) => {
        clearTimeout(limit);
        void worker.terminate();
        if (msg.error) return reject(new Error(msg.error));
        const sorted = msg.latencies.sort();
        const at = (q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]! : Number.NaN);
        resolve({
          requests: sorted.length,
          rps: sorted.length / msg.seconds,
          p50: at(0.5),
          p90: at(0.9),
          p99: at(0.99),
          max: sorted.length ? sorted[sorted.length - 1]! : Number.NaN,
          non2xx: msg.non2xx,
          errors: msg.errors,
          ranOut: msg.ranOut,
          sent: msg.sent,
        });
      },
    );
  });
}
