// `gapmap verify FILE...` (SPEC §6): verifies Open Badges and verifiable credentials offline and prints
// `file,status,issuer,recipient,achievement,reason`, one row per credential in input order.
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { isIsoDate, todayIso } from '../domain/dates';
import { writeCsv } from '../domain/csv';
import { splitCredentials, verifyBadge } from '../domain/badges';
import type { JWKS, VerifyOptions } from '../domain/badges';
import { VERIFY_HELP } from './verifyHelp';

export { VERIFY_HELP };

export const VERIFY_COLUMNS = ['file', 'status', 'issuer', 'recipient', 'achievement', 'reason'] as const;



export interface VerifyIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** The current moment in ms (Date.now unless a test pins it). */
  now?: () => number;
}

const USAGE_ERROR = 2;

class UsageError {
  constructor(readonly message: string) {}
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readProblem(error: unknown): string {
  const code = isRecord(error) ? error.code : undefined;
  if (code === 'ENOENT') return 'cannot read the file: it does not exist';
  if (code === 'EISDIR') return 'cannot read the file: it is a folder';
  if (code === 'EACCES') return 'cannot read the file: permission denied';
  return `cannot read the file: ${error instanceof Error ? error.message : String(error)}`;
}

async function readJsonOption(flag: string, path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new UsageError(`--${flag} ${path}: ${readProblem(error)}`);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  } catch {
    throw new UsageError(`--${flag} ${path}: not valid JSON`);
  }
}

async function optionsFrom(values: Record<string, string | boolean | string[] | undefined>, now: number): Promise<VerifyOptions> {
  const dayChosen = typeof values['as-of'] === 'string';
  const asOf = dayChosen ? (values['as-of'] as string) : todayIso(new Date(now));
  if (!isIsoDate(asOf)) throw new UsageError(`--as-of must be a date as YYYY-MM-DD, got '${asOf}'`);
  // Without --as-of the credential is checked now: nbf and exp are instants. With it, over that day.
  const options: VerifyOptions = dayChosen ? { asOf } : { asOf, now };
  if (typeof values.email === 'string') {
    if (!values.email.includes('@')) throw new UsageError(`--email must be an email address, got '${values.email}'`);
    options.expectedRecipientEmail = values.email;
  }
  if (typeof values.jwks === 'string') {
    const jwks = await readJsonOption('jwks', values.jwks);
    // One bare JWK is accepted as a set of one.
    if (isRecord(jwks) && Array.isArray(jwks.keys)) options.jwks = { keys: jwks.keys.filter(isRecord) } satisfies JWKS;
    else if (isRecord(jwks) && typeof jwks.kty === 'string') options.jwks = { keys: [jwks] };
    else throw new UsageError(`--jwks ${values.jwks}: not a JWKS ({"keys": [...]}) or a JWK`);
  }
  const didFiles = Array.isArray(values['did-document']) ? values['did-document'] : [];
  if (didFiles.length > 0) {
    options.didDocuments = {};
    for (const path of didFiles) {
      const document = await readJsonOption('did-document', path);
      if (!isRecord(document) || typeof document.id !== 'string' || !document.id.startsWith('did:')) {
        throw new UsageError(`--did-document ${path}: not a DID document (no "id": "did:…")`);
      }
      options.didDocuments[document.id] = document;
    }
  }
  const statusFiles = Array.isArray(values['status-list']) ? values['status-list'] : [];
  if (statusFiles.length > 0) {
    options.statusLists = {};
    for (const spec of statusFiles) {
      // URL=FILE: the URL contains ':' and '/', a path rarely starts with a scheme.
      const match = /^([a-z][a-z0-9+.-]*:[^=]*)=(.+)$/i.exec(spec);
      const path = match?.[2] ?? spec;
      const list = await readJsonOption('status-list', path);
      const url = match?.[1] ?? (isRecord(list) && typeof list.id === 'string' ? list.id : undefined);
      if (url === undefined) throw new UsageError(`--status-list ${spec}: the list has no id; give it as URL=FILE`);
      options.statusLists[url] = list;
    }
  }
  return options;
}

/**
 * Runs `gapmap verify` with the arguments after `verify`; writes CSV to io.stdout and problems to
 * io.stderr. Returns the exit code: 0 none failed, 1 any failed, 2 usage error.
 */
export async function runVerify(argv: string[], io: VerifyIo): Promise<number> {
  let positionals: string[];
  let options: VerifyOptions;
  try {
    let parsed;
    try {
      parsed = parseArgs({
        args: argv,
        allowPositionals: true,
        strict: true,
        options: {
          jwks: { type: 'string' },
          'did-document': { type: 'string', multiple: true },
          'status-list': { type: 'string', multiple: true },
          'as-of': { type: 'string' },
          email: { type: 'string' },
          help: { type: 'boolean', short: 'h' },
        },
      });
    } catch (error) {
      const message = error instanceof Error ? (error.message.split('\n')[0] ?? error.message) : String(error);
      throw new UsageError(message.replace(/\. To specify a positional argument.*$/, ''));
    }
    if (parsed.values.help === true) {
      io.stdout(`${VERIFY_HELP}\n`);
      return 0;
    }
    positionals = parsed.positionals;
    if (positionals.length === 0) throw new UsageError('give at least one credential FILE');
    options = await optionsFrom(parsed.values, (io.now ?? Date.now)());
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`gapmap verify: ${error.message}\nRun 'gapmap verify --help' for usage.\n`);
    return USAGE_ERROR;
  }

  const rows: string[][] = [];
  let anyFailed = false;
  for (const file of positionals) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      // One row per input keeps the output aligned with the arguments; the file is a data error.
      rows.push([file, 'failed', '', '', '', `malformed: ${readProblem(error)}`]);
      anyFailed = true;
      continue;
    }
    for (const credential of splitCredentials(text)) {
      const result = await verifyBadge(credential, options);
      if (result.status === 'failed') anyFailed = true;
      rows.push([file, result.status, result.issuer, result.recipient, result.achievement, result.reason]);
    }
  }
  io.stdout(writeCsv(VERIFY_COLUMNS, rows));
  return anyFailed ? 1 : 0;
}
