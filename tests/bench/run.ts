// The benchmark (`npm run bench`): a 100,000-employee organisation through `gapmap report` and
// `gapmap recommend` as whole processes, side by side with DuckDB computing the same long report
// in SQL from the same CSV files, and a check that both reports are identical. Results go to
// docs/benchmarks.md.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem, release } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';

const ROOT = resolve(import.meta.dirname, '../..');
const DATA = join(ROOT, 'tests/bench/data');
const OUT = join(ROOT, 'tests/bench/out');
const DOC = join(ROOT, 'docs/benchmarks.md');
/** A fixed as-of date keeps the generated data and the reports the same from day to day. */
const AS_OF = '2026-06-30';
const EMPLOYEES = 100_000;
const SEED = 7;
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const KINDS = ['employees', 'skills', 'roles', 'catalog', 'awards', 'assessments', 'goals', 'interests'];
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

interface Measure {
  label: string;
  command: string;
  seconds: number[];
  peakMb: number[];
}

const rel = (path: string) => relative(ROOT, path);
const median = (values: number[]) => {
  const sorted = values.slice().sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};

/** Runs a command once as a whole process: wall seconds and peak resident memory. */
function runOnce(args: string[], label: string): { seconds: number; peakMb: number } {
  mkdirSync(OUT, { recursive: true });
  const timeFile = join(OUT, `${label}.time.txt`);
  const stderrFile = join(OUT, `${label}.stderr.txt`);
  const command = TIME === null ? args : [TIME, '-v', '-o', timeFile, ...args];
  const started = performance.now();
  const result = spawnSync(command[0] as string, command.slice(1), {
    cwd: ROOT,
    env: { ...process.env, GAPMAP_REPORT_RSS: '1' },
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 1 << 30,
  });
  const seconds = (performance.now() - started) / 1000;
  const stderr = result.stderr?.toString() ?? '';
  writeFileSync(stderrFile, stderr);
  if (result.status !== 0) {
    throw new Error(`${label} failed (exit ${result.status}): ${stderr.split('\n').slice(-5).join('\n')}`);
  }
  let peakMb = Number.NaN;
  if (TIME !== null) {
    const match = /Maximum resident set size \(kbytes\): (\d+)/.exec(readFileSync(timeFile, 'utf8'));
    if (match) peakMb = Number(match[1]) / 1024;
  } else {
    const match = /peak RSS ([\d.]+) MB/.exec(stderr);
    if (match) peakMb = Number(match[1]);
  }
  return { seconds, peakMb };
}

function measure(label: string, args: string[], runs = RUNS): Measure {
  const seconds: number[] = [];
  const peakMb: number[] = [];
  for (let run = 0; run < runs; run++) {
    const result = runOnce(args, label);
    seconds.push(result.seconds);
    peakMb.push(result.peakMb);
    process.stdout.write(`  ${label} run ${run + 1}: ${result.seconds.toFixed(2)} s, ${result.peakMb.toFixed(0)} MB\n`);
  }
  const shown = args
    .map((arg) => (arg.startsWith(ROOT) ? rel(arg) : arg))
    .join(' ')
    .replace(/^node bin\/gapmap\.js/, 'gapmap')
    .replaceAll(`${rel(DATA)}/`, '$D/')
    .replaceAll(`${rel(OUT)}/`, '$OUT/');
  return { label, command: shown, seconds, peakMb };
}

function dataFlags(extra: string[] = []): string[] {
  return [
    '--employees', join(DATA, 'employees.csv'),
    '--roles', join(DATA, 'roles.csv'),
    '--catalog', join(DATA, 'catalog.csv'),
    '--awards', join(DATA, 'awards.csv'),
    '--skills', join(DATA, 'skills.csv'),
    '--assessments', join(DATA, 'assessments.csv'),
    ...extra,
    '--as-of', AS_OF,
  ];
}

/**
 * The generator's own source is part of the parameters: change it and the data is regenerated.
 * That is src/domain/demo and the CSV writer it goes through, not the CSV reader.
 */
const GENERATOR_SOURCES = ['src/domain/demo', 'src/domain/csv/writeCsv.ts', 'src/domain/csv/formula.ts', 'src/domain/csv/headers.ts'];

function generatorFingerprint(): string {
  const hash = createHash('sha256');
  for (const source of GENERATOR_SOURCES) {
    const path = join(ROOT, source);
    if (!existsSync(path)) continue;
    const files = statSync(path).isDirectory() ? readdirSync(path).sort().map((file) => join(path, file)) : [path];
    for (const file of files) {
      if (file.endsWith('.ts') && !file.endsWith('.test.ts')) hash.update(relative(ROOT, file)).update(readFileSync(file));
    }
  }
  return hash.digest('hex').slice(0, 16);
}

function ensureData(): { generated: boolean; seconds?: number } {
  const params = JSON.stringify({ employees: EMPLOYEES, seed: SEED, asOf: AS_OF, generator: generatorFingerprint() });
  const paramsFile = join(DATA, 'params.json');
  if (existsSync(paramsFile) && readFileSync(paramsFile, 'utf8') === params && KINDS.every((kind) => existsSync(join(DATA, `${kind}.csv`)))) {
    process.stdout.write(`Using the existing ${rel(DATA)} (same parameters).\n`);
    return { generated: false };
  }
  // Only this bench's files: the browser benches keep their own data in folders beside them.
  for (const kind of KINDS) rmSync(join(DATA, `${kind}.csv`), { force: true });
  rmSync(paramsFile, { force: true });
  process.stdout.write(`Generating ${EMPLOYEES} employees into ${rel(DATA)}…\n`);
  const result = runOnce(
    ['node', 'bin/gapmap.js', 'generate', '--employees', String(EMPLOYEES), '--seed', String(SEED), '--as-of', AS_OF, '--out', DATA],
    'generate',
  );
  writeFileSync(paramsFile, params);
  return { generated: true, seconds: result.seconds };
}

function countLines(file: string): number {
  const bytes = readFileSync(file);
  let lines = 0;
  for (let index = 0; index < bytes.length; index++) if (bytes[index] === 10) lines++;
  return lines;
}

/** Reads both long reports with DuckDB (all text) and compares them row for row, sorted. */
async function compareReports(oursFile: string, theirsFile: string): Promise<{ identical: boolean; rows: number; detail: string }> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const read = (file: string) => `read_csv('${file.replace(/'/g, "''")}', header = true, all_varchar = true, delim = ',', quote = '"', escape = '"')`;
  await connection.run(`CREATE TABLE ours AS SELECT * FROM ${read(oursFile)}`);
  await connection.run(`CREATE TABLE theirs AS SELECT * FROM ${read(theirsFile)}`);
  const count = async (sql: string) => Number((await connection.runAndReadAll(sql)).getRows()[0]?.[0] ?? -1);
  const oursRows = await count('SELECT count(*) FROM ours');
  const theirsRows = await count('SELECT count(*) FROM theirs');
  const onlyOurs = await count('SELECT count(*) FROM (SELECT * FROM ours EXCEPT ALL SELECT * FROM theirs)');
  const onlyTheirs = await count('SELECT count(*) FROM (SELECT * FROM theirs EXCEPT ALL SELECT * FROM ours)');
  const digest = async (table: string) =>
    String(
      (
        await connection.runAndReadAll(
          `SELECT md5(string_agg(concat_ws('|', COLUMNS(*)), chr(10) ORDER BY team, employee_id, skill_id)) FROM ${table}`,
        )
      ).getRows()[0]?.[0],
    );
  const oursDigest = await digest('ours');
  const theirsDigest = await digest('theirs');
  let detail = `${oursRows} rows from gapmap, ${theirsRows} from DuckDB; ${onlyOurs} only in gapmap, ${onlyTheirs} only in DuckDB; md5 of the sorted rows ${oursDigest} vs ${theirsDigest}`;
  if (onlyOurs > 0) {
    const sample = await connection.runAndReadAll('SELECT * FROM (SELECT * FROM ours EXCEPT ALL SELECT * FROM theirs) LIMIT 3');
    detail += `\n  e.g. gapmap: ${sample.getRows().map((row) => row.join(',')).join(' | ')}`;
  }
  if (onlyTheirs > 0) {
    const sample = await connection.runAndReadAll('SELECT * FROM (SELECT * FROM theirs EXCEPT ALL SELECT * FROM ours) LIMIT 3');
    detail += `\n  e.g. DuckDB: ${sample.getRows().map((row) => row.join(',')).join(' | ')}`;
  }
  connection.closeSync();
  const identical = oursRows === theirsRows && onlyOurs === 0 && onlyTheirs === 0 && oursDigest === theirsDigest;
  return { identical, rows: oursRows, detail };
}

interface Stage {
  stage: string;
  seconds: number;
}

/**
 * Where the time of a whole-process run goes: the same steps as `gapmap report` and `gapmap
 * recommend --all-teams` (their short cut for plain files: awards and assessments read straight
 * into the engine's columns), in this process, timed one by one.
 */
async function profileStages(): Promise<Stage[]> {
  const csv = await import('../../src/domain/csv/index');
  const engine = await import('../../src/domain/engine/index');
  const pathway = await import('../../src/domain/recommend/pathway');
  const stages: Stage[] = [];
  let started = performance.now();
  const lap = (stage: string) => {
    const now = performance.now();
    stages.push({ stage, seconds: (now - started) / 1000 });
    started = now;
  };
  const bytesOf = (kind: string) => new Uint8Array(readFileSync(join(DATA, `${kind}.csv`)));
  // gapmap report
  const others = (['employees', 'roles', 'catalog', 'skills'] as const).map((kind) => csv.readCsvFile({ fileName: `${kind}.csv`, bytes: bytesOf(kind) }, { kind }));
  lap('report: read and parse employees, roles, catalog, skills (readCsvFile)');
  const base = csv.assembleOrganisation(others).organisation;
  lap('report: resolve their references (assembleOrganisation)');
  const awardRefs = csv.readAwardRefColumns(bytesOf('awards'));
  lap('report: awards into columns (readAwardRefColumns; on a worker thread in the CLI, beside the two rows above)');
  const assessmentRefs = csv.readAssessmentRefColumns(bytesOf('assessments'));
  lap('report: assessments into columns (readAssessmentRefColumns)');
  const refs = csv.columnReferences(base);
  const awards = awardRefs && csv.resolveAwardColumns(awardRefs, refs);
  const assessments = assessmentRefs && csv.resolveAssessmentColumns(assessmentRefs, refs);
  if (!awards || !assessments) throw new Error('the bench data no longer takes the CLI short cut: check readRecordColumns');
  lap('report: their ids resolved (resolveAwardColumns, resolveAssessmentColumns)');
  const columnsEo = engine.prepareOrganisationFromColumns(base, awards, assessments);
  lap('report: index for the engine (prepareOrganisationFromColumns)');
  const longTable = engine.gapReportLongTable(columnsEo, AS_OF);
  lap('report: long report columns (gapReportLongTable)');
  for (const chunk of csv.gapLongTableCsvChunks(longTable)) void chunk;
  lap('report: long report CSV bytes (gapLongTableCsvChunks)');
  const teamRows = engine.gapReportTeam(columnsEo, AS_OF);
  lap('report: team report rows (gapReportTeam)');
  csv.gapTeamCsv(teamRows);
  lap('report: team report CSV text (gapTeamCsv)');
  // gapmap recommend: the same short cut, with the interests file among the others.
  const withInterests = csv.assembleOrganisation([...others, csv.readCsvFile({ fileName: 'interests.csv', bytes: bytesOf('interests') }, { kind: 'interests' })]).organisation;
  const eo = engine.prepareOrganisationFromColumns(withInterests, awards, assessments);
  lap('recommend: the above again with interests.csv (readCsvFile, assembleOrganisation, prepareOrganisationFromColumns)');
  const pathways = withInterests.employees.map((employee) => pathway.recommendPathway(eo, employee.id, AS_OF, 'cost'));
  lap(`recommend: optimal pathways for ${pathways.length} employees (recommendPathway)`);
  for (const chunk of csv.recommendationCsvChunks(pathway.recommendationRows(pathways))) void chunk;
  lap('recommend: recommendation rows and CSV bytes');
  return stages;
}

/**
 * Sections of docs/benchmarks.md that other scripts write (the browser import bench, between its
 * start and end markers), kept as they are when this page is rewritten.
 */
function keptSections(): string {
  if (!existsSync(DOC)) return '';
  const page = readFileSync(DOC, 'utf8');
  const kept: string[] = [];
  const sections = /<!-- ([\w-]+):start -->[\s\S]*?<!-- \1:end -->\n?/g;
  for (const match of page.matchAll(sections)) kept.push(match[0].endsWith('\n') ? match[0] : `${match[0]}\n`);
  return kept.join('\n');
}

function duckdbVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'node_modules/@duckdb/node-api/package.json'), 'utf8')) as { version: string };
    return pkg.version;
  } catch {
    return 'not installed';
  }
}

async function main(): Promise<void> {
  if (!existsSync(join(ROOT, 'node_modules/@duckdb/node-api'))) {
    throw new Error('@duckdb/node-api is not installed: run npm ci');
  }
  const data = ensureData();
  const sizes = KINDS.map((kind) => {
    const file = join(DATA, `${kind}.csv`);
    return { kind, rows: countLines(file) - 1, mb: statSync(file).size / 1e6 };
  });
  process.stdout.write(`Data: ${sizes.map((size) => `${size.kind} ${size.rows}`).join(', ')}\n`);

  const longOut = join(OUT, 'gapmap-long.csv');
  const teamOut = join(OUT, 'gapmap-team.csv');
  const duckOut = join(OUT, 'duckdb-long.csv');
  const recommendOut = join(OUT, 'gapmap-recommend.csv');
  const gapmap = ['node', 'bin/gapmap.js'];
  const loadBefore = loadavg()[0] ?? 0;
  const measures: Measure[] = [];
  measures.push(measure('node', ['node', '-e', '0']));
  measures.push(measure('startup', [...gapmap, '--help']));
  measures.push(measure('report-long', [...gapmap, 'report', ...dataFlags(), '--format', 'long', '--out', longOut]));
  measures.push(measure('report-team', [...gapmap, 'report', ...dataFlags(), '--format', 'team', '--out', teamOut]));
  measures.push(measure('duckdb-long', ['node', '--import', 'tsx', 'tests/bench/duckdbGapReport.ts', DATA, AS_OF, duckOut]));
  measures.push(
    measure('recommend-all', [...gapmap, 'recommend', ...dataFlags(['--interests', join(DATA, 'interests.csv')]), '--all-teams', '--out', recommendOut]),
  );
  const comparison = await compareReports(longOut, duckOut);
  process.stdout.write('Profiling the stages in-process…\n');
  const stages = await profileStages();
  process.stdout.write(`Long report, gapmap vs DuckDB: ${comparison.identical ? 'IDENTICAL' : 'DIFFERENT'} (${comparison.detail})\n`);

  const byLabel = new Map(measures.map((entry) => [entry.label, entry]));
  const cpu = cpus();
  const lines = [
    '# Benchmarks',
    '',
    'Produced by `npm run bench` (tests/bench/run.ts); rerun it to refresh this page.',
    '',
    `- Date: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    `- Machine: ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${cpu.length} cores, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, Linux ${release()}`,
    `- Node ${process.version}, DuckDB (@duckdb/node-api) ${duckdbVersion()}; peak memory from ${TIME === null ? "the process's own maxRSS" : '`/usr/bin/time -v`'}`,
    `- Data: \`gapmap generate --employees ${EMPLOYEES} --seed ${SEED} --as-of ${AS_OF}\`${data.seconds === undefined ? '' : ` (took ${data.seconds.toFixed(1)} s)`}: ` +
      sizes.map((size) => `${size.kind} ${size.rows.toLocaleString('en')} rows (${size.mb.toFixed(1)} MB)`).join(', '),
    `- Each command runs as a whole process (startup, CSV parsing, engine, CSV writing), ${RUNS} runs, median shown; as of ${AS_OF}.`,
    `- \`$D\` = ${rel(DATA)}, \`$OUT\` = ${rel(OUT)}. Load average (1 min) ${loadBefore.toFixed(1)} before the runs and ${(loadavg()[0] ?? 0).toFixed(1)} after: ` +
      'other work on the machine slows the runs, so compare medians taken together.',
    '',
    '| what | command | median s | runs s | peak MB |',
    '| --- | --- | ---: | --- | ---: |',
  ];
  const row = (title: string, entry: Measure | undefined) => {
    if (entry === undefined) return;
    lines.push(
      `| ${title} | \`${entry.command.replace(/\|/g, '\\|')}\` | ${median(entry.seconds).toFixed(2)} | ${entry.seconds.map((value) => value.toFixed(2)).join(', ')} | ${Math.max(...entry.peakMb).toFixed(0)} |`,
    );
  };
  row('bare Node startup (baseline)', byLabel.get('node'));
  row('CLI startup (tsx launcher)', byLabel.get('startup'));
  row('gap report, long (gapmap)', byLabel.get('report-long'));
  row('gap report, long (DuckDB SQL, same CSVs)', byLabel.get('duckdb-long'));
  row('gap report, team (gapmap)', byLabel.get('report-team'));
  row('recommend, all 100k employees', byLabel.get('recommend-all'));
  const recommendSeconds = median(byLabel.get('recommend-all')?.seconds ?? [Number.NaN]);
  lines.push(
    '',
    `Long report equivalence: **${comparison.identical ? 'identical' : 'DIFFERENT'}** — ${comparison.detail.split('\n')[0]}.`,
    'DuckDB implements SPEC §3 rules 1–4 independently in SQL (tests/bench/duckdbGapReport.ts): current awards with',
    'validity months clamped to the month end, implied stacks (nested, iterated to a fixpoint), the latest assessment',
    'on or before the as-of date (ties highest, undated oldest), effective = max(verified, assessed).',
    '',
    `Recommend for every employee: ${recommendSeconds.toFixed(2)} s median for the whole process (target < 10 s: ${recommendSeconds < 10 ? 'met' : 'NOT met'}).`,
    '',
    'Reading the comparison fairly: gapmap checks every CSV as the app\'s import does (encoding and delimiter detection,',
    'header synonyms, per-cell validation, references by id, name or email, duplicates) and writes neutralised CSV; the',
    'DuckDB query trusts the generated files and only casts columns. `report` and `recommend` read plain awards and',
    'assessments files (no quote, exact ids, YYYY-MM-DD dates, nothing to warn about) straight into the engine\'s columns,',
    'the awards on a worker thread; any other file takes the full import path, which reports each problem at its row and column.',
    '',
    '## Where the time goes',
    '',
    'The same steps in one process, timed one by one (one run; the whole-process figures above add Node and',
    'tsx startup, reading the files from disk and writing the output):',
    '',
    '| stage | seconds |',
    '| --- | ---: |',
    ...stages.map((stage) => `| ${stage.stage} | ${stage.seconds.toFixed(2)} |`),
    '',
  );
  mkdirSync(join(ROOT, 'docs'), { recursive: true });
  writeFileSync(DOC, `${lines.join('\n')}\n${keptSections()}`);
  process.stdout.write(`\n${lines.join('\n')}\n`);
  if (!comparison.identical) process.exitCode = 1;
}

await main();
