// `gapmap serve` on PostgreSQL (issue 11), measured as an organisation would use it, on the generated
// organisation of 100,000 employees and 1,000,000 awards (tests/bench/data, made by run.ts):
// - the import of all eight files through the API, upload to committed;
// - a cold start: process start to the first /api/overview answered;
// - a steady load (autocannon, 100 requests/s overall for 60 s, 50 connections) on two server
//   processes sharing one PostgreSQL: 30 % overview, 30 % team, 30 % employee, 10 % org heatmap;
// - each process's peak memory (VmHWM);
// - the same four requests answered by the browser host's backend (the same app over the memory
//   store, in Node: what the API worker runs, without the worker's message hop), side by side.
// Run: `node --import tsx tests/bench/server.ts` (needs PostgreSQL: BENCH_DATABASE_URL, default the
// machine's postgres://postgres@127.0.0.1:5432/test; a database gapmap_bench is made and dropped).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { encodePersona, PERSONA_HEADER } from '../../src/api/contract';
import { createApp } from '../../src/server/http/app';
import { createOrganisationState } from '../../src/server/state/organisationState';
import { memoryStore } from '../../src/server/store/organisationStore';
import { planImport, readImportFile } from '../../src/server/import/importPipeline';
import { connectPostgres } from '../../src/server/store/sql/postgresDatabase';
import { migrate } from '../../src/server/store/sql/migrations';
import { postgresAccountStore } from '../../src/server/store/postgresAccountStore';
import { addAccount, createApiToken } from '../../src/server/auth/accounts';

const ROOT = resolve(import.meta.dirname, '../..');
const DATA = join(ROOT, 'tests/bench/data');
const DOC = join(ROOT, 'docs/benchmarks.md');
const KINDS = ['skills', 'roles', 'catalog', 'employees', 'awards', 'assessments', 'goals', 'interests'];
const AS_OF = '2026-06-30';
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const DURATION_S = Number(process.env.SERVER_BENCH_SECONDS ?? 60);
const LND = { [PERSONA_HEADER]: encodePersona({ kind: 'lnd' }) };
/** The server ignores personas: an admin's API token, made by the product on the bench database. */
let ADMIN: Record<string, string> = {};

async function tokenFor(url: string, account: { email: string; role: 'admin' | 'manager'; teams?: string[] }): Promise<Record<string, string>> {
  const db = await connectPostgres(url);
  try {
    await migrate(db);
    const accounts = postgresAccountStore(db);
    await addAccount(accounts, account);
    return { authorization: `Bearer ${(await createApiToken(accounts, { email: account.email, expiresInMs: 24 * 3_600_000 })).secret}` };
  } finally {
    await db.close();
  }
}

/** The session and scope check as the server times it (Server-Timing: auth), sampled while the load runs. */
async function sampleAuthTimes(url: string, next: () => string, headers: Record<string, string>, until: number, into: number[]): Promise<void> {
  while (Date.now() < until) {
    const response = await fetch(`${url}${next()}`, { headers }).catch(() => undefined);
    const match = /auth;dur=([\d.]+)/.exec(response?.headers.get('server-timing') ?? '');
    if (match && response?.ok) into.push(Number(match[1]));
    await response?.arrayBuffer().catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 40));
  }
}

const median = (values: number[]) => {
  const sorted = values.slice().sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
};
const percentile = (values: number[], p: number) => {
  const sorted = values.slice().sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
};
const load = () => loadavg().map((value) => value.toFixed(2)).join(' / ');

function databaseUrl(name: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

interface Server {
  url: string;
  child: ChildProcess;
  startedAt: number;
}

function startServer(url: string, port: number): Promise<Server> {
  const startedAt = performance.now();
  // What `npm run serve` runs: the compiled CLI (scripts/build-cli.mjs), built in main().
  const child = spawn(process.execPath, ['build/cli/gapmap.js', 'serve', '--port', String(port), '--dist', join(ROOT, 'dist'), '--database-url', url], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolveServer, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /serving (http:\/\/[^\s]+) on/.exec(output);
      if (match) resolveServer({ url: match[1]!, child, startedAt });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`serve exited ${code}: ${output}`)));
  });
}

async function stop(server: Server): Promise<void> {
  const exited = new Promise((done) => server.child.once('exit', done));
  server.child.kill('SIGTERM');
  await exited;
}

function peakMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? NaN) / 1024;
}

async function untilAnswered(url: string): Promise<void> {
  for (;;) {
    const response = await fetch(`${url}/api/overview?asOf=${AS_OF}`, { headers: ADMIN }).catch(() => undefined);
    if (response?.status === 200) {
      await response.arrayBuffer();
      return;
    }
    await new Promise((done) => setTimeout(done, 20));
  }
}

/** The request mix of the load: paths chosen by weight, employees spread over many ids. */
function requestMix(teams: string[], employees: string[]) {
  let n = 0;
  return () => {
    n++;
    const roll = (n * 7919) % 100;
    if (roll < 30) return `/api/overview?asOf=${AS_OF}`;
    if (roll < 60) return `/api/teams/${encodeURIComponent(teams[n % teams.length]!)}?asOf=${AS_OF}`;
    if (roll < 90) return `/api/employees/${encodeURIComponent(employees[(n * 104729) % employees.length]!)}?asOf=${AS_OF}`;
    return `/api/heatmap/org?asOf=${AS_OF}`;
  };
}

function loadOn(url: string, next: () => string, latencies: number[], statuses: Map<number, number>): Promise<autocannon.Result> {
  return new Promise((resolveRun, reject) => {
    const instance = autocannon(
      {
        url,
        connections: 25,
        overallRate: 50,
        duration: DURATION_S,
        headers: ADMIN,
        requests: [{ setupRequest: (request) => ({ ...request, path: next() }) }],
      },
      (error, result) => (error ? reject(error) : resolveRun(result)),
    );
    instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
      latencies.push(responseTime);
      statuses.set(statusCode, (statuses.get(statusCode) ?? 0) + 1);
    });
  });
}

async function main(): Promise<void> {
  if (!existsSync(join(DATA, 'awards.csv'))) throw new Error('tests/bench/data has no generated organisation: run `npm run bench` once (run.ts generates it)');
  if (!existsSync(join(ROOT, 'dist/index.html'))) spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
  spawnSync(process.execPath, ['scripts/build-cli.mjs'], { cwd: ROOT, stdio: 'inherit' });
  const name = 'gapmap_bench';
  await admin(`drop database if exists ${name} with (force)`);
  await admin(`create database ${name}`);
  const url = databaseUrl(name);
  ADMIN = await tokenFor(url, { email: 'bench@example.test', role: 'admin' });
  const lines: string[] = [];
  try {
    const files = KINDS.map((kind) => ({ fileName: `${kind}.csv`, text: readFileSync(join(DATA, `${kind}.csv`), 'utf8') }));
    const megabytes = files.reduce((sum, file) => sum + Buffer.byteLength(file.text), 0) / 1e6;

    // 1. The import through the API, into a server on an empty database.
    let server = await startServer(url, 8201);
    const loadBeforeImport = load();
    const importStarted = performance.now();
    const imported = await fetch(`${server.url}/api/imports`, { method: 'POST', headers: { ...ADMIN, 'content-type': 'application/json' }, body: JSON.stringify({ mode: 'replace', files }) });
    const importSeconds = (performance.now() - importStarted) / 1000;
    const importBody = (await imported.json()) as { committed?: boolean; counts?: Record<string, { after: number }>; message?: string };
    if (!importBody.committed) throw new Error(`the import was not committed: ${imported.status} ${importBody.message ?? ''}`);
    const importPeak = peakMb(server.child.pid!);
    await stop(server);

    // 2. Cold start: a new process on the stored organisation, until its first overview.
    const coldStarts: number[] = [];
    for (let run = 0; run < 3; run++) {
      server = await startServer(url, 8201);
      await untilAnswered(server.url);
      coldStarts.push((performance.now() - server.startedAt) / 1000);
      if (run < 2) await stop(server);
    }

    // 3. Steady load on two processes sharing the database.
    const second = await startServer(url, 8202);
    await untilAnswered(second.url);
    const session = (await (await fetch(`${server.url}/api/teams?asOf=${AS_OF}`, { headers: ADMIN })).json()) as { teams: { team: string }[] };
    const people = (await (await fetch(`${server.url}/api/employees`, { headers: ADMIN })).json()) as { employees: { id: string }[] };
    const teams = session.teams.map((team) => team.team);
    const employees = people.employees.map((employee) => employee.id);
    const latencies: number[] = [];
    const statuses = new Map<number, number>();
    const next = requestMix(teams, employees);
    const loadBefore = load();
    const authTimes: number[] = [];
    const managerAuthTimes: number[] = [];
    // A manager's scope is worked out from the organisation (the teams they lead): sampled on their own team's pages.
    const managedTeam = teams[0]!;
    const MANAGER = await tokenFor(url, { email: 'bench.manager@example.test', role: 'manager', teams: [managedTeam] });
    const managerPaths = [`/api/teams/${encodeURIComponent(managedTeam)}?asOf=${AS_OF}`, `/api/heatmap/team/${encodeURIComponent(managedTeam)}?asOf=${AS_OF}`];
    let managerTurn = 0;
    const until = Date.now() + DURATION_S * 1000;
    const [results] = await Promise.all([
      Promise.all([loadOn(server.url, next, latencies, statuses), loadOn(second.url, next, latencies, statuses)]),
      sampleAuthTimes(server.url, next, ADMIN, until, authTimes),
      sampleAuthTimes(server.url, () => managerPaths[managerTurn++ % managerPaths.length]!, MANAGER, until, managerAuthTimes),
    ]);
    const loadDuring = load();
    const errors = results.reduce((sum, result) => sum + result.errors + result.timeouts, 0);
    const non2xx = results.reduce((sum, result) => sum + result.non2xx, 0);
    const peaks = [peakMb(server.child.pid!), peakMb(second.child.pid!)];
    await Promise.all([stop(server), stop(second)]);

    // 4. The browser host's backend on the same organisation: the same requests, one at a time.
    const parsed = files.map((file) => readImportFile(file, AS_OF));
    const organisation = planImport(parsed, undefined, 0, 'replace').organisation;
    const browserApp = createApp(createOrganisationState(memoryStore(organisation), () => AS_OF));
    const inBrowser = async (path: string) => {
      const started = performance.now();
      const response = await browserApp.fetch(new Request(`http://browser.test${path}`, { headers: LND }));
      await response.arrayBuffer();
      return performance.now() - started;
    };
    await inBrowser(`/api/overview?asOf=${AS_OF}`); // prepares the organisation, as the first request in the worker does
    const kinds: [string, (i: number) => string][] = [
      ['overview', () => `/api/overview?asOf=${AS_OF}`],
      ['team page', (i) => `/api/teams/${encodeURIComponent(teams[i % teams.length]!)}?asOf=${AS_OF}`],
      ['employee page', (i) => `/api/employees/${encodeURIComponent(employees[(i * 104729) % employees.length]!)}?asOf=${AS_OF}`],
      ['org heatmap', () => `/api/heatmap/org?asOf=${AS_OF}`],
    ];
    const browserRows: string[] = [];
    for (const [label, path] of kinds) {
      const times: number[] = [];
      for (let i = 0; i < (label === 'org heatmap' ? 10 : 40); i++) times.push(await inBrowser(path(i)));
      browserRows.push(`| ${label} | ${median(times).toFixed(1)} ms | ${percentile(times, 95).toFixed(1)} ms |`);
    }

    const p = (value: number) => `${value.toFixed(0)} ms`;
    const p95 = percentile(latencies, 95);
    lines.push(
      '<!-- server-bench:start -->',
      '## gapmap serve on PostgreSQL (issue 11)',
      '',
      `Generated by \`node --import tsx tests/bench/server.ts\` on ${new Date().toISOString().slice(0, 10)}: ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, PostgreSQL 15 on 127.0.0.1 (pg + COPY). The machine was shared with other work: load average (1 / 5 / 15 min) is given beside each figure.`,
      `Organisation: the generated one of tests/bench/data (${importBody.counts?.employees?.after ?? '?'} employees, ${importBody.counts?.awards?.after ?? '?'} awards, ${megabytes.toFixed(0)} MB of CSV).`,
      '',
      '| what | result | target | |',
      '| --- | --- | --- | --- |',
      `| import of all eight files through \`POST /api/imports\`, upload → committed (one run; load ${loadBeforeImport}) | ${importSeconds.toFixed(1)} s | < 15 s | ${importSeconds < 15 ? 'met' : '**not met**'} |`,
      `| cold start: process start → first \`/api/overview\` answered (3 runs: ${coldStarts.map((s) => s.toFixed(2)).join(', ')}) | ${median(coldStarts).toFixed(2)} s | < 5 s | ${median(coldStarts) < 5 ? 'met' : '**not met**'} |`,
      `| steady load: 100 requests/s for ${DURATION_S} s, 50 connections, two processes on one PostgreSQL (load before ${loadBefore}, after ${loadDuring}): p50 / p95 / p99 | ${p(percentile(latencies, 50))} / **${p(p95)}** / ${p(percentile(latencies, 99))} (${latencies.length} requests) | p95 < 200 ms | ${p95 < 200 ? 'met' : '**not met**'} |`,
      `| … errors and timeouts / non-2xx answers | ${errors} / ${non2xx} (${[...statuses].map(([status, count]) => `${status}: ${count}`).join(', ')}) | 0 | ${errors + non2xx === 0 ? 'met' : '**not met**'} |`,
      `| session and scope check inside the server (Server-Timing: auth, an admin's API token, ${authTimes.length} samples during the load): p50 / p95 | ${percentile(authTimes, 50).toFixed(2)} ms / **${percentile(authTimes, 95).toFixed(2)} ms** | p95 < 2 ms | ${percentile(authTimes, 95) < 2 ? 'met' : '**not met**'} |`,
      `| the same for a manager's API token, on their team's pages (${managerAuthTimes.length} samples; the wait for the organisation's revision check, which every request makes, is timed apart): p50 / p95 | ${percentile(managerAuthTimes, 50).toFixed(2)} ms / **${percentile(managerAuthTimes, 95).toFixed(2)} ms** | p95 < 2 ms | ${percentile(managerAuthTimes, 95) < 2 ? 'met' : '**not met**'} |`,
      `| peak memory (VmHWM) of each server process under load | ${peaks.map((mb) => `${mb.toFixed(0)} MB`).join(', ')} | < 1.5 GB | ${Math.max(...peaks) < 1536 ? 'met' : '**not met**'} |`,
      `| peak memory of the process that received the import | ${importPeak.toFixed(0)} MB | — | |`,
      '',
      'The same requests answered by the browser host\'s backend (the same app over the memory store, in Node, one request at a time; in the browser the API worker adds a message hop of well under a millisecond):',
      '',
      '| request | median | p95 |',
      '| --- | --- | --- |',
      ...browserRows,
      '<!-- server-bench:end -->',
    );
  } finally {
    await admin(`drop database if exists ${name} with (force)`);
  }
  const text = lines.join('\n');
  const doc = existsSync(DOC) ? readFileSync(DOC, 'utf8') : '';
  const marked = /<!-- server-bench:start -->[\s\S]*<!-- server-bench:end -->/;
  writeFileSync(DOC, marked.test(doc) ? doc.replace(marked, text) : `${doc.trimEnd()}\n\n${text}\n`);
  process.stdout.write(`${text}\n`);
}

await main();
