// The `gapmap` command line (SPEC §6): arguments, files and exit codes around the domain. Every
// number comes from src/domain; this file only reads bytes, calls the engine and writes CSV.
import { open, readFile, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { userInfo } from 'node:os';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { Worker } from 'node:worker_threads';
// Only types from the schema at the top: zod loads with the commands that need it, not for --help.
import type { Organisation, RecordKind } from '../domain/schema';
import type { ImportIssue, CsvReadOptions, CsvWriteOptions, ParsedFile, DateOrder, LevelScale } from '../domain/csv/types';
import type { RecommendationRow } from '../domain/reports';
import type { Pathway, UnclosableGap } from '../domain/recommend/pathway';
import type { EngineOrganisation } from '../domain/engine/index';
import type { AssessmentRefColumns, AwardRefColumns } from '../domain/csv/readRecordColumns';
import type * as XlsxModule from '../domain/xlsx/index';
import type * as CsvModule from '../domain/csv/index';
import type * as EngineModule from '../domain/engine/index';
import { compareOrdinal } from '../domain/reports';
import { isIsoDate, todayIso } from '../domain/dates';
import { COMMANDS, COMMAND_HELP, MAIN_HELP, type Command } from './usage';
import { SERVER_COMMANDS, type ServerCommand } from './serverCommandNames';

export const EXIT_OK = 0;
export const EXIT_DATA_ERROR = 1;
export const EXIT_USAGE_ERROR = 2;

/** A failure that ends the command with one line on stderr and an exit code; never a stack trace. */
class CliFailure {
  constructor(
    readonly exitCode: number,
    readonly lines: readonly string[],
  ) {}
}

const usageError = (command: Command | null, message: string) =>
  new CliFailure(EXIT_USAGE_ERROR, [
    `gapmap${command === null ? '' : ` ${command}`}: ${message}`,
    `Run 'gapmap${command === null ? '' : ` ${command}`} --help' for usage.`,
  ]);

// ---------------------------------------------------------------- arguments

type Options = NonNullable<ParseArgsConfig['options']>;

const DATA_OPTIONS = {
  employees: { type: 'string' },
  roles: { type: 'string' },
  catalog: { type: 'string' },
  awards: { type: 'string' },
  skills: { type: 'string' },
  assessments: { type: 'string' },
  interests: { type: 'string' },
  goals: { type: 'string' },
  'as-of': { type: 'string' },
  'date-format': { type: 'string' },
  'level-scale': { type: 'string' },
  out: { type: 'string' },
  bom: { type: 'boolean' },
  delimiter: { type: 'string' },
  'valid-rows-only': { type: 'boolean' },
  verbose: { type: 'boolean' },
  sheet: { type: 'string' },
  'badge-templates': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies Options;

const OPTIONS = {
  report: { ...DATA_OPTIONS, format: { type: 'string' }, sheets: { type: 'string' } },
  recommend: {
    ...DATA_OPTIONS,
    employee: { type: 'string' },
    team: { type: 'string' },
    'all-teams': { type: 'boolean' },
    objective: { type: 'string' },
    budget: { type: 'string' },
  },
  validate: {
    kind: { type: 'string' },
    sheet: { type: 'string' },
    'badge-templates': { type: 'string' },
    'date-format': { type: 'string' },
    'level-scale': { type: 'string' },
    verbose: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  },
  generate: {
    employees: { type: 'string' },
    seed: { type: 'string' },
    'as-of': { type: 'string' },
    out: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
  verify: { help: { type: 'boolean', short: 'h' } },
} as const satisfies Record<Command, Options>;

type Values = Record<string, string | boolean | undefined>;

function parseCommandArgs(command: Command, args: string[]): { values: Values; positionals: string[] } {
  try {
    const parsed = parseArgs({
      args,
      options: OPTIONS[command],
      allowPositionals: command === 'validate' || command === 'verify',
      strict: true,
    });
    return { values: parsed.values as Values, positionals: parsed.positionals };
  } catch (error) {
    // parseArgs explains itself ("Unknown option '--x'"); keep its first sentence only.
    const message = error instanceof Error ? (error.message.split('\n')[0] ?? error.message) : String(error);
    throw usageError(command, message.replace(/\. To specify a positional argument.*$/, ''));
  }
}

function text(values: Values, name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
}

function requireText(command: Command, values: Values, name: string): string {
  const value = text(values, name);
  if (value === undefined || value === '') throw usageError(command, `--${name} is required`);
  return value;
}

function asOfOption(command: Command, values: Values): string {
  const asOf = text(values, 'as-of');
  if (asOf === undefined) return todayIso();
  if (!isIsoDate(asOf)) throw usageError(command, `--as-of must be a date as YYYY-MM-DD, got '${asOf}'`);
  return asOf;
}

function readOptions(command: Command, values: Values): Pick<CsvReadOptions, 'dateOrder' | 'levelScale' | 'sheet'> {
  const options: Pick<CsvReadOptions, 'dateOrder' | 'levelScale' | 'sheet'> = {};
  // The sheet of every .xlsx file given (default: the sheet named after the file's kind, else the first).
  const sheet = text(values, 'sheet');
  if (sheet !== undefined) options.sheet = sheet;
  const dateFormat = text(values, 'date-format');
  if (dateFormat !== undefined) {
    const order = dateFormat.toUpperCase();
    if (order !== 'DMY' && order !== 'MDY') throw usageError(command, `--date-format must be DMY or MDY, got '${dateFormat}'`);
    options.dateOrder = order as DateOrder;
  }
  const levelScale = text(values, 'level-scale');
  if (levelScale !== undefined) options.levelScale = parseLevelScale(command, levelScale);
  return options;
}

function parseLevelScale(command: Command, value: string): LevelScale {
  const match = /^\s*(\d+)\s*[-–]\s*(\d+)\s*$/.exec(value);
  const min = Number(match?.[1]);
  const max = Number(match?.[2]);
  if (match === null || !(min < max)) throw usageError(command, `--level-scale must be MIN-MAX with MIN < MAX (e.g. 1-8), got '${value}'`);
  return { min, max };
}

function writeOptions(command: Command, values: Values): CsvWriteOptions {
  const options: CsvWriteOptions = {};
  if (values.bom === true) options.bom = true;
  const delimiter = text(values, 'delimiter');
  if (delimiter !== undefined) {
    if (delimiter !== ',' && delimiter !== ';') throw usageError(command, `--delimiter must be ',' or ';', got '${delimiter}'`);
    options.delimiter = delimiter;
  }
  return options;
}

// ---------------------------------------------------------------- files

type IssueLines = (issues: readonly ImportIssue[], options?: { verbose?: boolean }) => string[];

function fileIssue(file: string, message: string): ImportIssue {
  return { file, row: 0, column: '', value: '', message, severity: 'error' };
}

async function readBytes(path: string): Promise<Uint8Array | string> {
  try {
    const buffer = await readFile(path);
    // A plain Uint8Array over the Buffer's memory: no copy of a 100 MB file.
    return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return 'cannot read the file: it does not exist';
    if (code === 'EISDIR') return 'cannot read the file: it is a folder';
    if (code === 'EACCES') return 'cannot read the file: permission denied';
    return `cannot read the file: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/**
 * The questions a file leaves open (date order, level scale) as located errors naming the flag that
 * answers them — unless the reader has already reported that column as a file-level issue.
 */
function pendingIssues(parsed: ParsedFile, locate: (issues: readonly ImportIssue[], files: readonly ParsedFile[]) => void): ImportIssue[] {
  const reported = new Set(parsed.issues.filter((issue) => issue.row === 0).map((issue) => issue.column));
  // A badge template waiting for its credential is already an error at its first row.
  const pending = parsed.pending.filter((decision) => decision.type !== 'badge-template' && !reported.has(decision.column)).map((decision): ImportIssue =>
    decision.type === 'date-order'
      ? {
          file: parsed.fileName,
          row: 1,
          column: decision.column,
          value: decision.samples.join(' '),
          message: `every date (e.g. ${decision.samples.slice(0, 2).join(', ')}) could be day/month or month/day: pass --date-format DMY or MDY`,
          severity: 'error',
        }
      : decision.type === 'badge-template'
        ? { file: parsed.fileName, row: 1, column: decision.column, value: decision.templateId, message: '', severity: 'error' }
        : {
          file: parsed.fileName,
          row: 1,
          column: decision.column,
          value: `${decision.observedMin}-${decision.observedMax}`,
          message: `levels run from ${decision.observedMin} to ${decision.observedMax}, not 0–5: pass --level-scale MIN-MAX (e.g. --level-scale 1-8) to map them`,
          severity: 'error',
        },
  );
  locate(pending, [parsed]);
  return pending;
}

/**
 * Maps the badge templates of Credly files to the catalog among `files` (read before them), with
 * the user's own mapping from --badge-templates F (CSV: badge template id, credential id).
 */
async function badgeTemplateMapper(command: Command, values: Values, csv: typeof CsvModule): Promise<(parsed: ParsedFile, files: readonly ParsedFile[]) => void> {
  const path = text(values, 'badge-templates');
  const remembered: Record<string, string> = {};
  if (path !== undefined) {
    const bytes = await readBytes(path);
    if (typeof bytes === 'string') throw usageError(command, `--badge-templates ${path}: ${bytes}`);
    const { text: content } = csv.decodeCsvBytes(bytes);
    const { records } = csv.parseCsvRecords(content, csv.detectDelimiter(content));
    for (const [index, record] of records.entries()) {
      const [template = '', credential = ''] = record.map((cell) => cell.trim());
      if (index === 0 && /template/i.test(template)) continue;
      if (template !== '' && credential !== '') remembered[template] = credential;
    }
  }
  return (parsed, files) => {
    const catalog = files.flatMap((file) => (file.records.kind === 'catalog' ? file.records.values.map((row) => ({ id: row.id, name: row.name ?? row.id, ...(row.url ? { url: row.url } : {}) })) : []));
    if (catalog.length > 0) csv.mapBadgeTemplates(parsed, catalog, remembered);
  };
}

interface Loaded {
  organisation: Organisation;
  issues: ImportIssue[];
}

/** `--valid-rows-only`: rows with errors are left out and the output is still written (SPEC §6). */
const validRowsOnly = (values: Values): boolean => values['valid-rows-only'] === true;
const verbose = (values: Values): boolean => values.verbose === true;

const DATA_KINDS: readonly { flag: string; kind: RecordKind; required: boolean }[] = [
  { flag: 'employees', kind: 'employees', required: true },
  { flag: 'roles', kind: 'roles', required: true },
  { flag: 'catalog', kind: 'catalog', required: true },
  { flag: 'awards', kind: 'awards', required: true },
  { flag: 'skills', kind: 'skills', required: false },
  { flag: 'assessments', kind: 'assessments', required: false },
  { flag: 'interests', kind: 'interests', required: false },
  { flag: 'goals', kind: 'goals', required: false },
];

/** Reads the data flags' files into one organisation; any error ends the command (exit 1). */
async function loadOrganisation(command: Command, values: Values): Promise<Loaded> {
  for (const { flag, required } of DATA_KINDS) if (required) requireText(command, values, flag);
  const options = readOptions(command, values);
  const csv = await import('../domain/csv/index');
  const mapTemplates = await badgeTemplateMapper(command, values, csv);
  const issues: ImportIssue[] = [];
  const files: ParsedFile[] = [];
  for (const { flag, kind } of DATA_KINDS) {
    const path = text(values, flag);
    if (path === undefined) continue;
    const bytes = await readBytes(path);
    if (typeof bytes === 'string') {
      issues.push(fileIssue(path, bytes));
      continue;
    }
    const parsed = csv.readCsvFile({ fileName: path, bytes }, { ...options, kind });
    mapTemplates(parsed, files);
    issues.push(...parsed.issues, ...pendingIssues(parsed, csv.locateInSheets));
    files.push(parsed);
  }
  // A file with errors is rejected whole (SPEC §4 import is a transaction): report, write nothing —
  // unless --valid-rows-only asks for the output of the rows without errors.
  const keepGoing = validRowsOnly(values);
  if (!keepGoing) failOnErrors(csv.issueLines, issues, verbose(values));
  const assembled = csv.assembleOrganisation(files);
  issues.push(...assembled.issues);
  if (!keepGoing) failOnErrors(csv.issueLines, issues, verbose(values));
  return { organisation: assembled.organisation, issues };
}

/**
 * The engine's organisation for `report` and `recommend` (neither needs the award or assessment
 * records themselves, only the engine's columns of them). The plain case — every file reads without an error, the
 * awards and assessments without even a warning, by exact ids — takes a short cut: those two
 * files (a million rows) go straight into the engine's columns instead of a million records.
 * Anything else is read again by loadOrganisation, so every located error and warning is reported
 * exactly as before.
 */
async function loadEngineOrganisation(command: Command, values: Values): Promise<{ eo: EngineOrganisation; issues: ImportIssue[] }> {
  const byColumns = await loadByColumns(command, values);
  if (byColumns !== null) return byColumns;
  const { organisation, issues } = await loadOrganisation(command, values);
  const engine = await import('../domain/engine/index');
  return { eo: engine.prepareOrganisation(organisation), issues };
}

/** The other files are read on the main thread meanwhile; the awards file goes to readAwardsInWorker. */
const MAIN_THREAD_KINDS = DATA_KINDS.filter(({ kind }) => kind !== 'awards');

/** loadEngineOrganisation's short cut, or null when the files need the full import path. */
async function loadByColumns(command: Command, values: Values): Promise<{ eo: EngineOrganisation; issues: ImportIssue[] } | null> {
  for (const { flag, required } of DATA_KINDS) if (required) requireText(command, values, flag);
  const options = readOptions(command, values);
  const awardsPath = requireText(command, values, 'awards');
  const awardsWorker = readAwardsInWorker(awardsPath, options);
  try {
    const [csv, engine] = await Promise.all([import('../domain/csv/index'), import('../domain/engine/index')]);
    const given = MAIN_THREAD_KINDS.flatMap(({ flag, kind }) => {
      const path = text(values, flag);
      return path === undefined ? [] : [{ kind, path }];
    });
    // Every file is read from disk at once: the disk works while the first ones are parsed.
    const reads = given.map(({ path }) => readBytes(path));
    const issues: ImportIssue[] = [];
    const files: ParsedFile[] = [];
    let assessmentsBytes: Uint8Array | undefined;
    for (let i = 0; i < given.length; i++) {
      const { kind, path } = given[i]!;
      const bytes = await reads[i]!;
      if (typeof bytes === 'string') return null;
      if (kind === 'assessments') {
        assessmentsBytes = bytes;
        continue;
      }
      const parsed = csv.readCsvFile({ fileName: path, bytes }, { ...options, kind });
      issues.push(...parsed.issues, ...pendingIssues(parsed, csv.locateInSheets));
      files.push(parsed);
    }
    if (issues.some((issue) => issue.severity === 'error')) return null;
    const assembled = csv.assembleOrganisation(files);
    if (assembled.issues.some((issue) => issue.severity === 'error')) return null;
    const refs = csv.columnReferences(assembled.organisation);
    const assessmentRefs = assessmentsBytes === undefined ? NO_ASSESSMENTS : csv.readAssessmentRefColumns(assessmentsBytes, options);
    const assessments = assessmentRefs === null ? null : csv.resolveAssessmentColumns(assessmentRefs, refs);
    if (assessments === null) return null;
    let awardRefs = await awardsWorker.columns;
    if (awardRefs === undefined) {
      // No worker thread here: the same reading on this one.
      const bytes = await readBytes(awardsPath);
      awardRefs = typeof bytes === 'string' ? null : csv.readAwardRefColumns(bytes, options);
    }
    const awards = awardRefs === null ? null : csv.resolveAwardColumns(awardRefs, refs);
    if (awards === null) return null;
    // In the full path the awards and assessments would add nothing here: the same issues, in order.
    issues.push(...assembled.issues);
    return { eo: engine.prepareOrganisationFromColumns(assembled.organisation, awards, assessments), issues };
  } finally {
    awardsWorker.stop();
  }
}

/**
 * Reads the awards file into columns on a worker thread (src/cli/readAwardsWorker.ts, compiled by
 * tsx as this file is, or build/cli/readAwardsWorker.js beside the compiled CLI). `columns`: the
 * columns, null when the file is not plain (or unreadable), undefined when no worker could run.
 */
function readAwardsInWorker(path: string, options: CsvReadOptions): { columns: Promise<AwardRefColumns | null | undefined>; stop: () => void } {
  let worker: Worker;
  try {
    if (import.meta.url.endsWith('.ts')) {
      const tsx = import.meta.resolve('tsx/esm/api');
      const entry = new URL('./readAwardsWorker.ts', import.meta.url).href;
      worker = new Worker(`import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(entry)}); });`, {
        eval: true,
        workerData: { path, options },
      });
    } else {
      worker = new Worker(new URL('./readAwardsWorker.js', import.meta.url), { workerData: { path, options } });
    }
  } catch {
    return { columns: Promise.resolve(undefined), stop: () => undefined };
  }
  const columns = new Promise<AwardRefColumns | null | undefined>((resolve) => {
    worker.once('message', (message: AwardRefColumns | null) => resolve(message));
    worker.once('error', () => resolve(undefined));
    worker.once('exit', () => resolve(undefined));
  });
  return { columns, stop: () => void worker.terminate() };
}

const NO_ASSESSMENTS: AssessmentRefColumns = {
  length: 0, employee: new Int32Array(0), employeeIds: [], skill: new Int32Array(0), skillIds: [], day: new Int32Array(0), level: new Int8Array(0),
};

function failOnErrors(issueLines: IssueLines, issues: readonly ImportIssue[], verboseLines: boolean): void {
  const errors = countErrors(issues);
  if (errors === 0) return;
  throw new CliFailure(EXIT_DATA_ERROR, [
    ...issueLines(dedupeIssues(issues), { verbose: verboseLines }),
    `gapmap: ${errors} error${errors === 1 ? '' : 's'} in the input; nothing was written: correct ${errors === 1 ? 'it' : 'them'}, or pass --valid-rows-only to write the output of the rows without errors`,
  ]);
}

function countErrors(issues: readonly ImportIssue[]): number {
  let errors = 0;
  for (const issue of issues) if (issue.severity === 'error') errors++;
  return errors;
}

/**
 * Prints the input's problems (warnings of one kind summarised unless --verbose). With errors (only
 * possible with --valid-rows-only) it says what was left out, and the exit code becomes 1.
 */
function printIssues(issueLines: IssueLines, issues: readonly ImportIssue[], values: Values): number {
  const unique = dedupeIssues(issues);
  const lines = issueLines(unique, { verbose: verbose(values) });
  const errors = countErrors(unique);
  if (errors > 0) {
    lines.push(`gapmap: ${errors} error${errors === 1 ? '' : 's'} in the input; the rows with errors (and rows that depend on them) were left out and the output of the other rows was written: correct them and run again for a complete output`);
  }
  if (lines.length > 0) process.stderr.write(`${lines.join('\n')}\n`);
  return errors > 0 ? EXIT_DATA_ERROR : EXIT_OK;
}

/**
 * Writes CSV chunks to the file (or stdout) as they are made: a report of a million rows never
 * exists as one string, which keeps the peak memory of `report` and `recommend` down.
 */
async function emit(chunks: Iterable<Uint8Array>, out: string | undefined): Promise<void> {
  if (out === undefined) {
    for (const chunk of chunks) await writeStdout(chunk);
    return;
  }
  const cannotWrite = (error: unknown) =>
    new CliFailure(EXIT_DATA_ERROR, [`${out}:0:: cannot write the file: ${(error as NodeJS.ErrnoException).code ?? String(error)}`]);
  let file;
  try {
    file = await open(out, 'w');
  } catch (error) {
    throw cannotWrite(error);
  }
  // One write in flight while the next chunk is made: the disk and the CSV writer work together.
  let writing: Promise<unknown> | undefined;
  try {
    for (const chunk of chunks) {
      await writing;
      writing = file.write(chunk);
    }
    await writing;
  } catch (error) {
    await writing?.catch(() => undefined);
    throw cannotWrite(error);
  } finally {
    await file.close();
  }
}

function writeStdout(chunk: string | Uint8Array): Promise<void> {
  return new Promise((resolve) => {
    // A closed pipe (| head) is not an error worth a stack trace.
    if (!process.stdout.write(chunk)) process.stdout.once('drain', resolve);
    else resolve();
  });
}

// ---------------------------------------------------------------- commands

async function report(values: Values): Promise<number> {
  const format = text(values, 'format') ?? 'long';
  if (format !== 'long' && format !== 'team' && format !== 'xlsx' && format !== 'team-xlsx') {
    throw usageError('report', `--format must be long, team, xlsx or team-xlsx, got '${format}'`);
  }
  const sheets = text(values, 'sheets') ?? 'one';
  if (sheets !== 'one' && sheets !== 'team') throw usageError('report', `--sheets must be one or team, got '${sheets}'`);
  const workbook = format === 'xlsx' || format === 'team-xlsx';
  if (workbook && text(values, 'out') === undefined) throw usageError('report', `--format ${format} writes an Excel workbook: give --out FILE.xlsx`);
  const asOf = asOfOption('report', values);
  const write = writeOptions('report', values);
  const { eo, issues } = await loadEngineOrganisation('report', values);
  const [engine, csv] = await Promise.all([import('../domain/engine/index'), import('../domain/csv/index')]);
  const exitCode = printIssues(csv.issueLines, issues, values);
  if (workbook) {
    await emit([reportWorkbookBytes(await import('../domain/xlsx/index'), engine, eo, asOf, format === 'xlsx' ? 'long' : 'team', sheets === 'team')], text(values, 'out'));
    return exitCode;
  }
  const output =
    format === 'long'
      ? csv.gapLongTableCsvChunks(engine.gapReportLongTable(eo, asOf), write)
      : csv.gapTeamCsvChunks(engine.gapReportTeam(eo, asOf), write);
  await emit(output, text(values, 'out'));
  return exitCode;
}

/** The gap report as an Excel workbook (About sheet first), or a failure when it is longer than a sheet. */
function reportWorkbookBytes(
  xlsx: typeof XlsxModule,
  engine: typeof EngineModule,
  eo: EngineOrganisation,
  asOf: string,
  layout: 'long' | 'team',
  sheetPerTeam: boolean,
): Uint8Array {
  const roleNames = new Map(eo.org.roles.map((role) => [role.id, role.name]));
  const table = layout === 'long'
    ? xlsx.gapLongTableReportTable(engine.gapReportLongTable(eo, asOf), (id) => roleNames.get(id) ?? id)
    : xlsx.gapTeamReportTable(engine.gapReportTeam(eo, asOf));
  const about = {
    title: layout === 'long' ? 'Gap report, one row per person and required skill' : 'Team report, one row per team and required skill',
    asOf,
    evidence: 'All evidence: credentials (verified or not) and assessments',
    filters: '',
    scope: 'Whole organisation',
    madeAt: new Date().toISOString(),
    madeBy: userName(),
    madeWith: 'gapmap report (command line)',
  };
  const result = xlsx.reportWorkbook(about, table, { sheetPerTeam });
  if (!result.ok) {
    throw new CliFailure(EXIT_DATA_ERROR, [
      `gapmap report: ${result.message}`,
      `gapmap report: write it as CSV (--format ${layout})${sheetPerTeam ? '' : ', or one sheet per team (--sheets team)'}; nothing was written`,
    ]);
  }
  return result.bytes;
}

function userName(): string {
  try {
    return userInfo().username;
  } catch {
    return process.env.USER ?? process.env.USERNAME ?? 'unknown';
  }
}

async function recommend(values: Values): Promise<number> {
  const employee = text(values, 'employee');
  const team = text(values, 'team');
  const allTeams = values['all-teams'] === true;
  const chosen = [employee !== undefined, team !== undefined, allTeams].filter(Boolean).length;
  if (chosen !== 1) throw usageError('recommend', 'give exactly one of --employee ID, --team NAME or --all-teams');
  const objective = text(values, 'objective') ?? 'cost';
  if (objective !== 'cost' && objective !== 'hours') throw usageError('recommend', `--objective must be cost or hours, got '${objective}'`);
  const budgetText = text(values, 'budget');
  const budget = budgetText === undefined ? undefined : Number(budgetText);
  if (budget !== undefined && !(Number.isFinite(budget) && budget >= 0 && budgetText?.trim() !== '')) {
    throw usageError('recommend', `--budget must be a non-negative number, got '${budgetText}'`);
  }
  const asOf = asOfOption('recommend', values);
  const write = writeOptions('recommend', values);
  const { eo, issues } = await loadEngineOrganisation('recommend', values);
  const [engine, csv, pathway, budgetModule] = await Promise.all([
    import('../domain/engine/index'),
    import('../domain/csv/index'),
    import('../domain/recommend/pathway'),
    import('../domain/recommend/budget'),
  ]);
  const exitCode = printIssues(csv.issueLines, issues, values);

  let employeeIds: string[];
  if (employee !== undefined) {
    if (engine.findEmployee(eo, employee) === undefined) {
      throw new CliFailure(EXIT_DATA_ERROR, [`${text(values, 'employees')}:0:employee_id: no employee with id '${employee}'`]);
    }
    employeeIds = [employee];
  } else if (team !== undefined) {
    const members = engine.membersOf(eo, team);
    if (members.length === 0) {
      const teams = engine.teamsOf(eo);
      throw new CliFailure(EXIT_DATA_ERROR, [
        `${text(values, 'employees')}:0:team: no team named '${team}' (teams: ${teams.slice(0, 10).join(', ')}${teams.length > 10 ? ', …' : ''})`,
      ]);
    }
    employeeIds = members.map((member) => member.id);
  } else {
    employeeIds = eo.org.employees.map((member) => member.id);
  }

  // Employees are solved in id order, so each one's rows, sorted by credential, arrive in the
  // output's order (employee id, credential id) and go straight into CSV bytes: a million row
  // objects and 100,000 pathways never stay in memory together (unless a budget plan needs the
  // pathways). Warnings keep the order the employees were given in.
  const unclosable: (readonly UnclosableGap[])[] = new Array<readonly UnclosableGap[]>(employeeIds.length);
  const solve = (index: number): Pathway => {
    const found = pathway.recommendPathway(eo, employeeIds[index]!, asOf, objective);
    unclosable[index] = found.unclosable;
    return found;
  };
  const budgetLines: string[] = [];
  let solved: Pathway[] | undefined;
  let keepRow: ((row: RecommendationRow) => boolean) | undefined;
  if (budget !== undefined) {
    solved = employeeIds.map((_, index) => solve(index));
    const plan = budgetModule.budgetPlan(solved, budget);
    const chosenPairs = new Set(plan.assignments.map((assignment) => `${assignment.employeeId}\u0000${assignment.credentialId}`));
    keepRow = (row) => chosenPairs.has(`${row.employee_id}\u0000${row.credential_id}`);
    budgetLines.push(
      `budget: ${plan.assignments.length} assignment${plan.assignments.length === 1 ? '' : 's'}, spent ${formatNumber(plan.spent)} of ${formatNumber(budget)}, weighted gap closed ${formatNumber(plan.weightedGapClosed)} of ${formatNumber(plan.totalWeightedGap)}`,
      `guarantee (${plan.method}): ${plan.guarantee}`,
    );
  }
  const idOrder = employeeIds.map((_, index) => index).sort((a, b) => compareOrdinal(employeeIds[a]!, employeeIds[b]!));
  function* rowsInOrder(): Generator<RecommendationRow> {
    for (const index of idOrder) {
      const rows = pathway.sortRecommendationRows(pathway.pathwayRows(solved?.[index] ?? solve(index)));
      for (const row of rows) if (keepRow === undefined || keepRow(row)) yield row;
    }
  }
  const output = [...csv.recommendationCsvChunks(rowsInOrder(), write)];
  const warnings: string[] = [];
  unclosable.forEach((gaps, index) => {
    for (const gap of gaps) warnings.push(`warning: ${employeeIds[index]}: no credential grants ${gap.skill} at level ${gap.required}`);
  });
  warnings.push(...budgetLines);
  if (warnings.length > 0) process.stderr.write(`${warnings.join('\n')}\n`);
  await emit(output, text(values, 'out'));
  return exitCode;
}

/**
 * For each kind absent from `files`, a stand-in record for every reference the files make to it
 * (as written: an id, a name or an email), so that validating some files checks only them.
 */
function standInOrganisation(files: readonly ParsedFile[]): Organisation {
  const present = new Set(files.map((file) => file.kind));
  const refs = { employees: new Set<string>(), roles: new Set<string>(), catalog: new Set<string>(), skills: new Set<string>() };
  for (const { records } of files) {
    switch (records.kind) {
      case 'employees':
        for (const employee of records.values) refs.roles.add(employee.role);
        break;
      case 'roles':
        for (const requirement of records.values) if (requirement.skill !== '') refs.skills.add(requirement.skill);
        break;
      case 'catalog':
        for (const row of records.values) if (row.grant !== undefined) refs.skills.add(row.grant.skill);
        break;
      case 'awards':
      case 'goals':
        for (const record of records.values) {
          refs.employees.add(record.employee);
          refs.catalog.add(record.credential);
        }
        break;
      case 'assessments':
      case 'interests':
        for (const record of records.values) {
          refs.employees.add(record.employee);
          refs.skills.add(record.skill);
        }
        break;
      default:
        break;
    }
  }
  const only = <T>(kind: RecordKind, make: () => T[]): T[] => (present.has(kind) ? [] : make());
  const roles = only('roles', () => [...refs.roles, 'stand-in'].map((id) => ({ id, name: id, requirements: [] })));
  // Stand-in people need a role that resolves: one of the file's roles when roles are being validated.
  const rolesFile = files.find((file) => file.records.kind === 'roles')?.records;
  const anyRole = rolesFile?.kind === 'roles' ? (rolesFile.values[0]?.role ?? 'stand-in') : 'stand-in';
  return {
    skills: only('skills', () => [...refs.skills].map((id) => ({ id, name: id, category: '' }))),
    roles,
    employees: only('employees', () => [...refs.employees].map((id) => ({ id, name: id, team: 'stand-in', role: anyRole }))),
    credentials: only('catalog', () => [...refs.catalog].map((id) => ({ id, name: id, issuer: '', grants: [] }))),
    awards: [],
    assessments: [],
    goals: [],
    interests: [],
  };
}

async function validate(values: Values, files: string[]): Promise<number> {
  if (files.length === 0) throw usageError('validate', 'name at least one FILE');
  const kindText = text(values, 'kind');
  const { RECORD_KINDS } = await import('../domain/schema');
  let kind: RecordKind | undefined;
  if (kindText !== undefined) {
    if (!(RECORD_KINDS as readonly string[]).includes(kindText)) {
      throw usageError('validate', `--kind must be one of ${RECORD_KINDS.join(', ')}, got '${kindText}'`);
    }
    kind = kindText as RecordKind;
  }
  const options = readOptions('validate', values);
  const csv = await import('../domain/csv/index');
  const mapTemplates = await badgeTemplateMapper('validate', values, csv);
  const issues: ImportIssue[] = [];
  const parsedFiles: ParsedFile[] = [];
  const summaries: string[] = [];
  for (const file of files) {
    const bytes = await readBytes(file);
    if (typeof bytes === 'string') {
      issues.push(fileIssue(file, bytes));
      summaries.push(`${file}: not read`);
      continue;
    }
    parsedFiles.push(csv.readCsvFile({ fileName: file, bytes }, kind === undefined ? options : { ...options, kind }));
  }
  // Credly files after every file is read: their templates map to a catalog given in any position.
  for (const parsed of parsedFiles) {
    mapTemplates(parsed, parsedFiles);
    issues.push(...parsed.issues, ...pendingIssues(parsed, csv.locateInSheets));
  }
  // Files given together are checked against each other, as one import would. A kind that is not
  // among them is stood in for by every id the files refer to, so an awards file alone still gets
  // its duplicate and in-file checks without a false "unknown employee" on every row.
  const known = parsedFiles.filter((parsed) => parsed.kind !== null);
  if (known.length > 0) {
    const given = new Set(files);
    const assembled = csv.assembleOrganisation(known, standInOrganisation(known));
    issues.push(...assembled.issues.filter((issue) => given.has(issue.file)));
  }
  const unique = dedupeIssues(issues);
  if (unique.length > 0) process.stderr.write(`${csv.issueLines(unique, { verbose: verbose(values) }).join('\n')}\n`);
  for (const parsed of parsedFiles) {
    const own = unique.filter((issue) => issue.file === parsed.fileName);
    const errors = own.filter((issue) => issue.severity === 'error').length;
    const warnings = own.length - errors;
    summaries.push(
      `${parsed.fileName}: ${parsed.kind ?? 'unknown kind'}, ${parsed.rowCount} row${parsed.rowCount === 1 ? '' : 's'}, ` +
        `${parsed.sheet !== undefined ? `sheet ${parsed.sheet} of ${parsed.sheets?.length ?? 1}` : `${parsed.encoding}${parsed.bom ? ' with BOM' : ''}`}, ${errors === 0 ? 'ok' : `${errors} error${errors === 1 ? '' : 's'}`}, ` +
        `${warnings} warning${warnings === 1 ? '' : 's'}`,
    );
  }
  await writeStdout(`${summaries.join('\n')}\n`);
  return unique.some((issue) => issue.severity === 'error') ? EXIT_DATA_ERROR : EXIT_OK;
}

async function generate(values: Values): Promise<number> {
  const employeesText = requireText('generate', values, 'employees');
  const out = requireText('generate', values, 'out');
  const employees = Number(employeesText);
  if (!Number.isInteger(employees) || employees < 1 || employees > 2_000_000) {
    throw usageError('generate', `--employees must be a whole number from 1 to 2000000, got '${employeesText}'`);
  }
  const seedText = text(values, 'seed');
  const seed = seedText === undefined ? 1 : Number(seedText);
  if (!Number.isInteger(seed)) throw usageError('generate', `--seed must be a whole number, got '${seedText}'`);
  const asOf = asOfOption('generate', values);
  const [{ generateOrganisation }, csv, { RECORD_KINDS }] = await Promise.all([
    import('../domain/demo/generate'),
    import('../domain/csv/index'),
    import('../domain/schema'),
  ]);
  const organisation = generateOrganisation({ employees, seed, asOf });
  const files = csv.organisationCsvFiles(organisation);
  try {
    await mkdir(out, { recursive: true });
    for (const kind of RECORD_KINDS) await writeFile(join(out, `${kind}.csv`), files[kind]);
  } catch (error) {
    throw new CliFailure(EXIT_DATA_ERROR, [`${out}:0:: cannot write the files: ${(error as NodeJS.ErrnoException).code ?? String(error)}`]);
  }
  process.stderr.write(
    `gapmap generate: wrote ${RECORD_KINDS.length} files to ${out} (${organisation.employees.length} employees, ` +
      `${organisation.credentials.length} credentials, ${organisation.awards.length} awards, as of ${asOf}, seed ${seed})\n`,
  );
  return EXIT_OK;
}

// ---------------------------------------------------------------- entry point

function dedupeIssues(issues: readonly ImportIssue[]): ImportIssue[] {
  const seen = new Set<string>();
  return issues.filter((issue) => {
    const key = `${issue.file}\u0000${issue.row}\u0000${issue.column}\u0000${issue.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(2);
}

async function runCommand(args: string[]): Promise<number> {
  const [first, ...rest] = args;
  if (first === undefined) throw new CliFailure(EXIT_USAGE_ERROR, [MAIN_HELP]);
  if (first === '--help' || first === '-h' || first === 'help') {
    const topic = rest[0];
    await writeStdout(`${topic !== undefined && isCommand(topic) ? COMMAND_HELP[topic] : MAIN_HELP}\n`);
    return EXIT_OK;
  }
  if (first === '--version') {
    await writeStdout('gapmap 0.1.0\n');
    return EXIT_OK;
  }
  if ((SERVER_COMMANDS as readonly string[]).includes(first)) {
    // The server's commands load its Node host (Hono, PostgreSQL) only when one of them runs.
    const { runServerCommand } = await import('./serverCommands');
    return runServerCommand(first as ServerCommand, rest);
  }
  if (!isCommand(first)) throw usageError(null, `unknown command '${first}' (commands: ${COMMANDS.join(', ')})`);
  if (first === 'verify') {
    // verify has its own flags (--jwks, --did-document, --status-list…) and loads the JSON-LD libraries only when used.
    const { runVerify } = await import('./verifyCommand');
    return runVerify(rest, { stdout: (text) => process.stdout.write(text), stderr: (text) => process.stderr.write(text) });
  }
  const { values, positionals } = parseCommandArgs(first, rest);
  if (values.help === true) {
    await writeStdout(`${COMMAND_HELP[first]}\n`);
    return EXIT_OK;
  }
  switch (first) {
    case 'report':
      return report(values);
    case 'recommend':
      return recommend(values);
    case 'validate':
      return validate(values, positionals);
    case 'generate':
      return generate(values);
  }
}

function isCommand(name: string): name is Command {
  return (COMMANDS as readonly string[]).includes(name);
}

function exitOnClosedPipe(error: NodeJS.ErrnoException): void {
  if (error.code === 'EPIPE') process.exit(EXIT_OK);
}

/** Runs `gapmap` with `args` (without node and the script) and returns the exit code. */
export async function main(args: string[] = process.argv.slice(2)): Promise<number> {
  // Once per process: main may run many times in one (the corpus test calls it per file).
  if (!process.stdout.listeners('error').includes(exitOnClosedPipe)) process.stdout.on('error', exitOnClosedPipe);
  let exitCode: number;
  try {
    exitCode = await runCommand(args);
  } catch (error) {
    if (error instanceof CliFailure) {
      process.stderr.write(`${error.lines.join('\n')}\n`);
      exitCode = error.exitCode;
    } else {
      // A bug, not a data problem: one line, no stack trace (GAPMAP_DEBUG=1 shows it).
      const message = error instanceof Error ? error.message : String(error);
      process.stderr.write(`gapmap: internal error: ${message}\n`);
      if (process.env.GAPMAP_DEBUG === '1' && error instanceof Error) process.stderr.write(`${error.stack ?? ''}\n`);
      exitCode = EXIT_DATA_ERROR;
    }
  }
  if (process.env.GAPMAP_REPORT_RSS === '1') {
    // For the benchmark when /usr/bin/time is missing: peak resident set size in MB.
    process.stderr.write(`gapmap: peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(1)} MB\n`);
  }
  return exitCode;
}
