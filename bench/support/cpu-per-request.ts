import { spawn } from 'node:child_process';
import Fastify from 'fastify';
import { startBenchServer } from './server.js';

// Server CPU time per request for GET /api/v1/me and a bare Fastify route, with autocannon in a separate
// process so that process.cpuUsage() counts only the server. Steadier than req/s on a busy machine.
// Usage: node --import tsx bench/support/cpu-per-request.ts [requests]

const REQUESTS = Number(process.argv[2] ?? 15_000);

async function cpuPer(url: string, headers: Record<string, string>): Promise<number> {
  const args = ['-c', '10', '-a', String(REQUESTS), '--json'];
  for (const [k, v] of Object.entries(headers)) args.push('-H', `${k}=${v}`);
  const before = process.cpuUsage();
  await new Promise<void>((resolve, reject) => {
    const child = spawn('node_modules/.bin/autocannon', [...args, url], { stdio: ['ignore', 'ignore', 'ignore'] });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`autocannon exited ${code}`))));
  });
  const used = process.cpuUsage(before);
  return (used.user + used.system) / REQUESTS;
}

const server = await startBenchServer();
const bare = Fastify({ logger: false });
bare.get('/bare', async () => ({ ok: true }));
await bare.listen({ host: '127.0.0.1', port: 0 });
const bareUrl = `http://127.0.0.1:${(bare.server.address() as { port: number }).port}/bare`;
await cpuPer(bareUrl, {}); // warm-up
await cpuPer(`${server.baseUrl}/api/v1/me`, { cookie: server.cookie });
// The least of several alternating runs: other work on the machine only ever adds time.
let b = Number.POSITIVE_INFINITY;
let m = Number.POSITIVE_INFINITY;
for (let i = 0; i < 6; i++) {
  b = Math.min(b, await cpuPer(bareUrl, {}));
  m = Math.min(m, await cpuPer(`${server.baseUrl}/api/v1/me`, { cookie: server.cookie }));
}
console.log(`server CPU per request: bare ${b.toFixed(1)} µs, /me ${m.toFixed(1)} µs, ratio ${((b / m) * 100).toFixed(0)} %`);
await bare.close();
await server.close();
