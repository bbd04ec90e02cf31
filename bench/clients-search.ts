// Client search-as-you-type over HTTP on the real server (bench/support/server.ts): SQLite by default,
// BENCH_DB=postgres for PostgreSQL. 50,000 clients (BENCH_CLIENTS=… to change) — English and Chinese names
// (Simplified and Traditional, some with an English preferred name), New York / Vancouver / Toronto phones in
// mixed formats, emails, tags, birthdays — seeded through the clients module's own batch insert, 1,000 per
// transaction. Then GET /api/v1/clients?q=…&limit=20 as the owner, cycling through what a receptionist types:
// Chinese characters, full pinyin, initials, 4-digit phone fragments, phone digits and formatted numbers,
// English first names and surnames, email prefixes, a few two-word queries — prefixes of 2–8 characters.
// Target (issue 4): p99 < 20 ms over 50,000 clients at 10 connections, on SQLite and on PostgreSQL.
//   node --import tsx bench/clients-search.ts        (BENCH_DB=postgres for PostgreSQL)
import { availableParallelism, loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import { type KyselyPlugin, sql } from 'kysely';
import { pinyin } from 'pinyin-pro';
import { withTransaction } from '../src/server/db/tx.js';
import type { Actor } from '../src/server/http/actor.js';
import { actorFromSessionToken } from '../src/server/modules/auth/index.js';
import { formatPhone, insertClients, loadFieldDefs, type NewClient, searchClients } from '../src/server/modules/clients/index.js';
import type { Language } from '../src/server/platform/i18n.js';
import { gcPauses } from './support/gc-pauses.js';
import { type LoadResult, load } from './support/load.js';
import { machineCpu } from './support/machine-cpu.js';
import { profiled } from './support/profile.js';
import { type BenchOutcome, fmt, printTable, type Target } from './support/report.js';
import { type BenchServer, startBenchServer } from './support/server.js';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 50_000);
const BATCH = 1_000;
const CONNECTIONS = 10;
const DURATION_S = 8;
const WARMUP_S = 2;
const RAW_LOOP_MS = 3_000;
const TARGET_P99_MS = 20;

// ---- realistic clients

// Family names roughly by frequency (the first ones are drawn most), Simplified and Traditional (same order).
const words = (s: string) => s.split(' ');
const ZH_FAMILY_SC = words(
  '王 李 张 刘 陈 杨 黄 赵 吴 周 徐 孙 马 朱 胡 郭 何 林 高 罗 郑 梁 谢 宋 唐 许 邓 冯 韩 曹 曾 彭 萧 蔡 潘 叶 吕 苏 余 卢 钟 欧阳 司马',
);
const ZH_FAMILY_TC = words(
  '王 李 張 劉 陳 楊 黃 趙 吳 周 徐 孫 馬 朱 胡 郭 何 林 高 羅 鄭 梁 謝 宋 唐 許 鄧 馮 韓 曹 曾 彭 蕭 蔡 潘 葉 呂 蘇 余 盧 鍾 歐陽 司馬',
);
const ZH_GIVEN_A = words('小 丽 美 晓 雅 静 婷 欣 佳 慧 淑 秀 玉 春 海 建 志 文 明 思 雨 梦 嘉 子 诗');
const ZH_GIVEN_B = words('明 华 丽 娜 婷 玲 芳 燕 红 霞 琳 莹 洁 敏 静 怡 涵 萱 琪 欣 雯 颖 慧 梅 兰');
const ZH_GIVEN_POPULAR = words('小明 小红 丽娜 美玲 秀英 桂英 静 敏 伟 芳 娜 磊 婷 晓燕 雪');
const ZH_GIVEN_TW = words('美玲 淑芬 雅婷 怡君 家豪 志明 俊傑 詩涵 欣怡 佩珊 嘉欣 曉明 麗華 國強 建華 婉婷');
const EN_FIRST = words(
  'Jennifer Mary Jessica Sarah Emily Ashley Amanda Linda Michelle Stephanie Nicole Elizabeth Melissa Rachel Lauren Samantha Olivia ' +
    'Emma Sophia Isabella Grace Hannah Chloé Zoë Amy Angela Christina Karen Lisa Megan Natalie Rebecca Victoria Vanessa Tiffany ' +
    'Crystal Kimberly Heather Danielle Brittany Katherine Maria Ana Sofia Camila Valentina Nathalie Geneviève Isabelle Mei Joy Lily ' +
    'Kevin Michael David James Daniel Ryan Jason Eric',
);
const EN_LAST = words(
  'Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Wilson Anderson Taylor Thomas Moore Jackson Martin Lee ' +
    'Thompson White Harris Clark Lewis Robinson Walker Young Allen King Wright Scott Hill Green Adams Baker Nelson Campbell Mitchell ' +
    "O'Brien Murphy Kelly Tremblay Gagnon Roy Côté Bouchard Gauthier Wong Chan Nguyen Kim Park Tran Singh Patel Cohen Rossi Lopez " +
    'Gonzalez Hernandez Sanchez',
);
const PREFERRED = words('Lily Grace Vivian Cindy Amy Helen Joanna Tina Annie Coco Kelly Wendy Fiona Iris');
const AREAS = ['212', '347', '646', '718', '917', '929', '604', '778', '236', '416', '647'];
const EN_DOMAINS = [
  'gmail.com',
  'gmail.com',
  'gmail.com',
  'yahoo.com',
  'hotmail.com',
  'outlook.com',
  'icloud.com',
  'shaw.ca',
  'rogers.com',
];
const ZH_DOMAINS = ['gmail.com', 'gmail.com', 'qq.com', '163.com', 'hotmail.com', 'yahoo.com.tw'];
const TAGS = ['VIP', 'gel', 'pedicure', 'lashes', 'facial', 'massage', 'walk-in', 'referral', '老客户', '會員'];

/** What the query mix needs to know of a seeded client. */
type Sample = {
  chinese: boolean;
  first: string;
  last: string;
  preferred: string | null;
  famPinyin: string[];
  givenPinyin: string[];
  digits: string | null; // 10-digit national number
  email: string | null;
};

function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
type Rng = ReturnType<typeof rng>;
const pick = <T>(r: Rng, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
/** Skewed towards the start of the list (common names first). */
const pickSkewed = <T>(r: Rng, xs: readonly T[]): T => xs[Math.floor(r() ** 1.8 * xs.length)]!;
const py = (s: string, surname: boolean) =>
  pinyin(s, { toneType: 'none', type: 'array', v: true, ...(surname ? { surname: 'head' as const } : {}) }).map((x) => x.toLowerCase());
const ascii = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');

export function generateClients(count: number, homeStoreId: string, seed = 20260404): { inputs: NewClient[]; samples: Sample[] } {
  const r = rng(seed);
  const phones = new Set<string>();
  const emails = new Set<string>();
  const inputs: NewClient[] = [];
  const samples: Sample[] = [];
  for (let i = 0; i < count; i++) {
    const chinese = r() < 0.4;
    let first: string;
    let last: string;
    let preferred: string | null = null;
    let language: Language = 'en';
    let famPinyin: string[] = [];
    let givenPinyin: string[] = [];
    if (chinese) {
      const traditional = r() < 0.3;
      const f = Math.floor(r() ** 1.8 * ZH_FAMILY_SC.length);
      last = (traditional ? ZH_FAMILY_TC : ZH_FAMILY_SC)[f]!;
      const g = r();
      first = traditional
        ? pick(r, ZH_GIVEN_TW)
        : g < 0.3
          ? pick(r, ZH_GIVEN_POPULAR)
          : g < 0.4
            ? pick(r, ZH_GIVEN_B)
            : pick(r, ZH_GIVEN_A) + pick(r, ZH_GIVEN_B);
      language = traditional ? 'zh-TW' : 'zh-CN';
      if (r() < 0.3) preferred = pick(r, PREFERRED);
      famPinyin = py(last, true);
      givenPinyin = py(first, false);
    } else {
      first = pickSkewed(r, EN_FIRST);
      last = pickSkewed(r, EN_LAST);
    }

    let digits: string | null = null;
    let phone: string | null = null;
    if (r() < 0.92) {
      do {
        let exchange = 200 + Math.floor(r() * 800);
        if (exchange % 100 === 11 || exchange === 555 || exchange === 950 || exchange === 958 || exchange === 959 || exchange === 976)
          exchange++;
        digits = `${pick(r, AREAS)}${exchange}${String(Math.floor(r() * 10_000)).padStart(4, '0')}`;
      } while (phones.has(digits));
      phones.add(digits);
      const [a, b, c] = [digits.slice(0, 3), digits.slice(3, 6), digits.slice(6)];
      phone = pick(r, [`(${a}) ${b}-${c}`, `${a}-${b}-${c}`, `${a}.${b}.${c}`, `+1 ${a} ${b} ${c}`, digits]);
    }

    let email: string | null = null;
    if (r() < 0.75) {
      let local: string;
      if (chinese) {
        const given = givenPinyin.join('');
        const fam = famPinyin.join('');
        const style = r();
        local =
          style < 0.15
            ? String(100_000_000 + Math.floor(r() * 899_999_999)) // a QQ number
            : style < 0.4 && preferred
              ? `${preferred.toLowerCase()}.${fam}`
              : style < 0.6
                ? `${given}${fam}`
                : style < 0.8
                  ? `${fam}${givenPinyin.map((s) => s[0]).join('')}`
                  : `${given}.${fam}${Math.floor(r() * 100)}`;
      } else {
        const f = ascii(first);
        const l = ascii(last);
        local = pick(r, [
          `${f}.${l}`,
          `${f}${l}`,
          `${f[0]}${l}`,
          `${f}_${l}`,
          `${f}${Math.floor(r() * 1000)}`,
          `${f}.${l}${Math.floor(r() * 100)}`,
        ]);
      }
      const domain = pick(r, chinese ? ZH_DOMAINS : EN_DOMAINS);
      let n = 2;
      email = `${local}@${domain}`;
      while (emails.has(email)) email = `${local}${n++}@${domain}`;
      emails.add(email);
    }

    const tags = r() < 0.3 ? [...new Set([pick(r, TAGS), ...(r() < 0.3 ? [pick(r, TAGS)] : [])])] : [];
    const birthday =
      r() < 0.5
        ? { month: 1 + Math.floor(r() * 12), day: 1 + Math.floor(r() * 28), ...(r() < 0.5 ? { year: 1950 + Math.floor(r() * 55) } : {}) }
        : null;
    inputs.push({ firstName: first, lastName: last, preferredName: preferred, phone, email, language, homeStoreId, tags, birthday });
    samples.push({ chinese, first, last, preferred, famPinyin, givenPinyin, digits, email });
  }
  return { inputs, samples };
}

/** Seeds through insertClients in transactions of BATCH (no duplicate look-ups or audit rows: generated data is unique). */
async function seedClients(server: BenchServer, inputs: NewClient[]) {
  const db = server.deps.database.db;
  const ctx = { actorId: null, ip: null, requestId: null, now: Date.now() };
  const fieldDefs = await loadFieldDefs(db);
  const countryByStore = new Map();
  let failed = 0;
  let firstError = '';
  for (let i = 0; i < inputs.length; i += BATCH) {
    const results = await withTransaction(db, ({ tx }) =>
      insertClients(tx, inputs.slice(i, i + BATCH), ctx, { checkDuplicates: false, audit: false, fieldDefs, countryByStore }),
    );
    for (const res of results) {
      if (res.ok) continue;
      failed++;
      firstError ||= `${res.error.code}: ${JSON.stringify(res.error.params)}`;
    }
  }
  if (failed > inputs.length / 1000) throw new Error(`${failed} generated clients were refused, e.g. ${firstError}`);
  return failed;
}

// ---- what a receptionist types

type Query = { category: string; q: string };

/** The prefixes a person produces while typing `s` (in characters), from `min` to `max` long. */
function typing(s: string, min = 2, max = 8): string[] {
  const cps = Array.from(s);
  const out: string[] = [];
  for (let n = min; n <= Math.min(max, cps.length); n++) out.push(cps.slice(0, n).join(''));
  return out.length ? out : [s];
}

export function queryMix(samples: Sample[], seed = 7): Query[] {
  const r = rng(seed);
  const zh = samples.filter((s) => s.chinese);
  const en = samples.filter((s) => !s.chinese);
  const withPhone = samples.filter((s) => s.digits);
  const withEmail = samples.filter((s) => s.email);
  const out: Query[] = [];
  const add = (category: string, qs: string[]) => {
    for (const q of qs) out.push({ category, q });
  };
  for (let i = 0; i < 60; i++) {
    const s = pick(r, zh);
    add('Chinese characters', r() < 0.6 ? typing(s.last + s.first, 1, 4) : [s.first]); // 王, 王小, 王小明 / 小明
  }
  for (let i = 0; i < 50; i++) {
    const s = pick(r, zh);
    const full = [...s.famPinyin, ...s.givenPinyin].join('');
    add('full pinyin', typing(r() < 0.5 ? full : r() < 0.6 ? s.givenPinyin.join('') : s.famPinyin.join('')));
  }
  for (let i = 0; i < 70; i++) {
    const s = pick(r, zh);
    add('pinyin initials', typing([...s.famPinyin, ...s.givenPinyin].map((x) => x[0]).join('')));
  }
  for (let i = 0; i < 150; i++) {
    const d = pick(r, withPhone).digits!;
    add('4-digit phone fragment', [r() < 0.7 ? d.slice(6) : d.slice(3, 7)]);
  }
  for (let i = 0; i < 25; i++) add('phone digits typed', typing(pick(r, withPhone).digits!));
  for (let i = 0; i < 60; i++) {
    const f = formatPhone(`+1${pick(r, withPhone).digits!}`)!; // (212) 555-0134
    add('formatted phone', r() < 0.5 ? [f] : [f.slice(0, 9), f.slice(0, 11), f]);
  }
  const preferred = zh.filter((s) => s.preferred);
  for (let i = 0; i < 45; i++) add('English first name', typing(ascii(i % 5 === 4 ? pick(r, preferred).preferred! : pick(r, en).first)));
  for (let i = 0; i < 40; i++) add('surname', typing(pick(r, en).last.toLowerCase()));
  for (let i = 0; i < 35; i++) {
    const e = pick(r, withEmail).email!;
    add('email prefix', r() < 0.8 ? typing(e.split('@')[0]!) : [e.slice(0, e.indexOf('@') + 3)]);
  }
  for (let i = 0; i < 25; i++) {
    const s = r() < 0.5 ? pick(r, en) : pick(r, zh);
    const q = s.chinese
      ? `${s.famPinyin.join('')} ${s.givenPinyin.join('').slice(0, 2 + Math.floor(r() * 3))}`
      : `${ascii(s.first)} ${s.last.toLowerCase().slice(0, 2 + Math.floor(r() * 3))}`;
    add('two words', [q]);
  }
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

// ---- the run

export async function run(): Promise<BenchOutcome> {
  const server = await startBenchServer({ staff: 10, pastSessions: 500 });
  try {
    const db = server.deps.database.db;
    const engineName = server.engineName;
    const [load1] = loadavg();
    console.log(`\nclients-search: GET /api/v1/clients?q=…&limit=20 over ${fmt.int(CLIENTS)} clients on ${engineName}`);
    console.log(
      `machine: ${availableParallelism()} CPUs, load average ${load1!.toFixed(2)}${load1! > 1 ? ' — other work is running; figures will be lower and noisier' : ''}`,
    );

    const store = await db.selectFrom('stores').select('id').executeTakeFirstOrThrow();
    const t0 = performance.now();
    const { inputs, samples } = generateClients(CLIENTS, store.id);
    const genMs = performance.now() - t0;
    const t1 = performance.now();
    const refused = await seedClients(server, inputs);
    const seedMs = performance.now() - t1;
    const terms = await db
      .selectFrom('client_search_terms')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    // What autovacuum does after a bulk load (and the import job does at its end): statistics and visibility
    // map. Then the checkpoint PostgreSQL would soon make anyway, so that writing out the seeding's pages does
    // not land in the measured seconds.
    if (server.engine === 'postgres') {
      await sql`vacuum (analyze) clients, client_search_terms, client_tags`.execute(db);
      await sql`checkpoint`.execute(db);
    }
    console.log(
      `seeded ${fmt.int(CLIENTS - refused)} clients (${fmt.int(Number(terms.n))} search keys) with insertClients, ` +
        `${fmt.int(BATCH)} per transaction: ${(seedMs / 1000).toFixed(1)} s (${fmt.int(CLIENTS / (seedMs / 1000))} clients/s; ` +
        `generating them took ${fmt.ms(genMs)})${refused ? `; ${refused} refused` : ''}`,
    );

    const mix = queryMix(samples);
    const paths = mix.map((m) => `/api/v1/clients?q=${encodeURIComponent(m.q)}&limit=20`);
    const check = await fetch(`${server.baseUrl}${paths[0]}`, { headers: { cookie: server.cookie } });
    if (check.status !== 200) throw new Error(`GET ${paths[0]} answered ${check.status}: ${await check.text()}`);

    const actor = await actorFromSessionToken(db, server.sessionToken, Date.now(), 720 * 60_000);
    if (!actor) throw new Error('session lookup failed');
    const perCategory = await categoryPass(server, actor, mix);

    console.log(
      `\nquery mix: ${fmt.int(mix.length)} queries as typed, rotated across ${CONNECTIONS} connections; ${DURATION_S} s measured after ${WARMUP_S} s warm-up`,
    );
    const cpu = machineCpu();
    const gc = gcPauses(WARMUP_S * 1000);
    const res = await profiled(`clients-search-${server.engine}`, () =>
      load({
        url: server.baseUrl,
        paths,
        headers: { cookie: server.cookie },
        connections: CONNECTIONS,
        duration: DURATION_S,
        warmup: WARMUP_S,
      }),
    );
    const cpuLine = cpu.stop(res.requests);
    const gcLine = gc.stop();
    if (res.non2xx || res.errors) throw new Error(`search run is invalid: ${res.non2xx} non-2xx responses, ${res.errors} errors`);
    const raw = await rawLimit(server, actor, mix);

    const row = (name: string, r: LoadResult) => [name, fmt.ms(r.p50), fmt.ms(r.p90), fmt.ms(r.p99), fmt.ms(r.max), fmt.int(r.rps)];
    console.log('');
    printTable([['', 'p50', 'p90', 'p99', 'max', 'req/s'], row(`GET /api/v1/clients?q=… (${fmt.int(res.requests)} requests)`, res)]);
    console.log(`${cpuLine}\n${gcLine}`);

    console.log('\nby kind of query (in-process searchClients, one caller, each query of the mix 3 times):');
    printTable([
      ['kind', 'queries', 'avg results', 'SQL statements', 'p50', 'p99', 'max'],
      ...perCategory.map((c) => [
        c.category,
        fmt.int(c.count),
        c.avgResults.toFixed(1),
        c.statements.toFixed(1),
        fmt.ms(c.p50),
        fmt.ms(c.p99),
        fmt.ms(c.max),
      ]),
    ]);

    const targets: Target[] = [
      {
        name: `p99 < ${TARGET_P99_MS} ms over ${fmt.int(CLIENTS)} clients at ${CONNECTIONS} connections`,
        measured: fmt.ms(res.p99),
        pass: res.p99 < TARGET_P99_MS,
        binding: CLIENTS >= 50_000,
      },
    ];
    console.log('');
    printTable([
      ['target', 'measured', 'result'],
      ...targets.map((t) => [t.name, t.measured, t.binding ? (t.pass ? 'PASS' : 'FAIL') : t.pass ? '(pass)' : '(miss)']),
    ]);
    console.log(
      `\nRaw database limit (same run, in-process, no HTTP${server.engine === 'sqlite' && server.deps.database.reads ? '; SQLite reader threads, as the route' : ''}): searchClients through the module with ${CONNECTIONS} concurrent ` +
        `callers over the same mix: ${fmt.int(raw.searchesPerSecond)} searches/s × ${raw.statementsPerSearch.toFixed(1)} SQL statements ` +
        `= ${fmt.int(raw.searchesPerSecond * raw.statementsPerSearch)} queries/s (${fmt.ms(1000 / raw.searchesPerSecond)} per search); ` +
        `HTTP reaches ${((res.rps / raw.searchesPerSecond) * 100).toFixed(0)} % of it.`,
    );
    return { name: 'clients-search', pass: targets.every((t) => !t.binding || t.pass) };
  } finally {
    await server.close();
  }
}

function statementCounter() {
  const counter = { n: 0 };
  // Counted on results: transformQuery also sees subqueries as they are built.
  const plugin: KyselyPlugin = {
    transformQuery: (args) => args.node,
    transformResult: async (args) => {
      counter.n++;
      return args.result;
    },
  };
  return { counter, plugin };
}

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? Number.NaN;

/** Each query of the mix three times, one at a time, through the module: latency, results and statements per kind. */
async function categoryPass(server: BenchServer, actor: Actor, mix: Query[]) {
  const { counter, plugin } = statementCounter();
  const db = server.deps.database.db.withPlugin(plugin);
  const by = new Map<string, { times: number[]; results: number; statements: number; count: number }>();
  for (let round = 0; round < 3; round++) {
    for (const m of mix) {
      const before = counter.n;
      const t = performance.now();
      const page = await searchClients(db, actor, { q: m.q, limit: 20 });
      const ms = performance.now() - t;
      const c = by.get(m.category) ?? { times: [], results: 0, statements: 0, count: 0 };
      by.set(m.category, c);
      c.times.push(ms);
      if (round === 0) {
        c.count++;
        c.results += page.data.length;
        c.statements += counter.n - before;
      }
    }
  }
  return [...by]
    .map(([category, c]) => {
      const sorted = c.times.sort((a, b) => a - b);
      return {
        category,
        count: c.count,
        avgResults: c.results / c.count,
        statements: c.statements / c.count,
        p50: quantile(sorted, 0.5),
        p99: quantile(sorted, 0.99),
        max: sorted.at(-1)!,
      };
    })
    .sort((a, b) => b.p99 - a.p99);
}

/**
 * searchClients in a tight loop with CONNECTIONS concurrent callers, on the handle the route uses (SQLite:
 * the reader threads): the ceiling the database sets.
 */
async function rawLimit(server: BenchServer, actor: Actor, mix: Query[]) {
  const db = server.deps.database.reads ?? server.deps.database.db;
  const { counter, plugin } = statementCounter();
  const counted = db.withPlugin(plugin);
  for (const m of mix) await searchClients(counted, actor, { q: m.q, limit: 20 });
  const statementsPerSearch = counter.n / mix.length;
  let next = 0;
  let searches = 0;
  const start = performance.now();
  const deadline = start + RAW_LOOP_MS;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (performance.now() < deadline) {
        await searchClients(db, actor, { q: mix[next++ % mix.length]!.q, limit: 20 });
        searches++;
      }
    }),
  );
  return { searchesPerSecond: searches / ((performance.now() - start) / 1000), statementsPerSearch };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  run().then(
    (o) => process.exit(o.pass ? 0 : 0),
    (err) => {
      console.error(err instanceof Error ? (err.stack ?? err.message) : err);
      process.exit(1);
    },
  );
}
