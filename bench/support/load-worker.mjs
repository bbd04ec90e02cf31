// Load generator thread (plain JS: Node 20 worker threads do not load TypeScript through tsx).
// Runs autocannon against one URL and posts back exact latencies of the 2xx responses of the measured run
// (autocannon's own histogram has 1 ms resolution, too coarse for a 5 ms target). With `paths`, every new
// request takes the next path of one rotation shared by all connections, so concurrent requests carry
// different queries (autocannon's plain `requests` array would walk every connection through the same list
// in lockstep). With `requests` (writes: each a method, path, body and headers of its own, e.g. an
// Idempotency-Key), every request is sent once, in order across all connections; when they run out the run
// stops early and says so (`ranOut`).
import { parentPort, workerData } from 'node:worker_threads';
import autocannon from 'autocannon';

const { url, paths, requests, headers, connections, duration, warmup } = workerData;

let next = 0;
let ranOut = false;
const rotation = paths ? [{ method: 'GET', setupRequest: (req) => ({ ...req, path: paths[next++ % paths.length] }) }] : null;
const once = requests
  ? [
      {
        setupRequest: (req) => {
          const r = requests[next++];
          if (!r) {
            ranOut = true;
            setImmediate(() => instance.stop());
            return { ...req, method: 'GET', path: '/api/v1/health', body: undefined };
          }
          return { ...req, method: r.method, path: r.path, body: r.body, headers: { ...headers, ...r.headers } };
        },
      },
    ]
  : null;
const instance = autocannon({
  url,
  headers,
  connections,
  duration,
  timeout: 10,
  ...(rotation || once ? { requests: rotation ?? once } : {}),
  ...(warmup > 0 ? { warmup: { connections, duration: warmup } } : {}),
});

const latencies = [];
let other = 0;
let started = 0;
instance.on('start', () => {
  started = performance.now();
});
instance.on('response', (_client, statusCode, _bytes, responseTime) => {
  if (ranOut) return; // the last answers may be to the filler request sent while stopping
  if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
  else other++;
});

instance.then(
  (result) => {
    const elapsed = (performance.now() - started) / 1000;
    parentPort.postMessage({
      latencies: Float64Array.from(latencies),
      non2xx: other,
      errors: result.errors + result.timeouts,
      seconds: elapsed > 0 ? elapsed : result.duration,
      ranOut,
      sent: Math.min(next, requests?.length ?? next),
    });
  },
  (err) => parentPort.postMessage({ error: String(err?.stack ?? err) }),
);
