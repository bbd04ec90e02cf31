// Load generator thread (plain JS: Node 20 worker threads do not load TypeScript through tsx).
// Runs autocannon against one URL and posts back exact latencies of the 2xx responses of the measured run
// (autocannon's own histogram has 1 ms resolution, too coarse for a 5 ms target).
import { parentPort, workerData } from 'node:worker_threads';
import autocannon from 'autocannon';

const { url, paths, headers, connections, duration, warmup } = workerData;

const instance = autocannon({
  url,
  headers,
  connections,
  duration,
  timeout: 10,
  ...(paths ? { requests: paths.map((path) => ({ method: 'GET', path })) } : {}),
  ...(warmup > 0 ? { warmup: { connections, duration: warmup } } : {}),
});

const latencies = [];
let other = 0;
let started = 0;
instance.on('start', () => {
  started = performance.now();
});
instance.on('response', (_client, statusCode, _bytes, responseTime) => {
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
    });
  },
  (err) => parentPort.postMessage({ error: String(err?.stack ?? err) }),
);
