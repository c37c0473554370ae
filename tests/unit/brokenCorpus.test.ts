// The broken-file corpus (issue 14): each file of tests/fixtures/broken/ is checked as the wizard
// checks it (an import job on the backend, over the valid organisation of _base/) and as
// `gapmap validate` checks it (with the _base/ files of the other kinds). Both must give exactly
// the findings its .expected file lists — every error and warning, and nothing else.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createApp } from '../../src/server/http/app';
import { createOrganisationState } from '../../src/server/state/organisationState';
import { memoryStore } from '../../src/server/store/organisationStore';
import { memoryMappingStore } from '../../src/server/store/achievementMappingStore';
import { assembleOrganisation, formatIssue, readCsvFile } from '../../src/domain/csv';
import { fileSummarySchema, importJobSchema, planSummarySchema } from '../../src/api/importContract';
import { main } from '../../src/cli/gapmap';
import type { RecordKind } from '../../src/domain/schema';

const CORPUS = resolve(import.meta.dirname, '../fixtures/broken');
const BASE = join(CORPUS, '_base');
const BASE_KINDS: readonly RecordKind[] = ['skills', 'roles', 'employees', 'catalog'];
const TODAY = '2026-11-25';
/** CORPUS_WRITE=1 writes each case's findings as its .expected file, for a person to review before committing. */
const WRITE = process.env.CORPUS_WRITE === '1';

const cases = readdirSync(CORPUS).filter((name) => /^\d\d-/.test(name) && !name.endsWith('.expected')).sort();

interface Expected {
  sheet?: string;
  findings: string[];
}

function expectedOf(name: string): Expected {
  const path = join(CORPUS, `${name}.expected`);
  if (!existsSync(path)) return { findings: [] };
  const lines = readFileSync(path, 'utf8').split('\n');
  const sheet = lines.find((line) => line.startsWith('# sheet: '))?.slice('# sheet: '.length);
  return { ...(sheet ? { sheet } : {}), findings: lines.filter((line) => line !== '' && !line.startsWith('#')) };
}

const unique = (lines: readonly string[]): string[] => [...new Set(lines)].sort();

const baseFiles = BASE_KINDS.map((kind) => readCsvFile({ fileName: `${kind}.csv`, bytes: readFileSync(join(BASE, `${kind}.csv`)) }, { kind }));
const base = assembleOrganisation(baseFiles);
const app = createApp(createOrganisationState(memoryStore(base.organisation), () => TODAY), { host: 'server', achievementMappings: memoryMappingStore() });

async function call(method: string, path: string, body?: BodyInit, contentType = 'application/json'): Promise<Response> {
  return app.fetch(new Request(`http://gapmap.test${path}`, { method, body, headers: { 'x-gapmap-persona': 'lnd', 'content-type': contentType } }));
}

/** The findings of the wizard's check: one import job with the file, read on the backend, checked in `replace` mode. */
async function wizardFindings(name: string, sheet: string | undefined): Promise<string[]> {
  const job = importJobSchema.parse(await (await call('POST', '/api/import-jobs')).json()).id;
  const uploaded = await call('POST', `/api/import-jobs/${job}/files?name=${encodeURIComponent(name)}`, new Uint8Array(readFileSync(join(CORPUS, name))) as BodyInit, 'application/octet-stream');
  const file = fileSummarySchema.parse(await uploaded.json());
  if (sheet) await call('PATCH', `/api/import-jobs/${job}/files/${file.id}`, JSON.stringify({ options: { sheet } }));
  const plan = planSummarySchema.parse(await (await call('POST', `/api/import-jobs/${job}/check`, JSON.stringify({ mode: 'replace' }))).json());
  await call('DELETE', `/api/import-jobs/${job}`);
  return unique(plan.issues.map(formatIssue));
}

/** The findings `gapmap validate --verbose` prints for the file with the base files of the other kinds. */
async function cliFindings(name: string, sheet: string | undefined): Promise<string[]> {
  const kind = readCsvFile({ fileName: name, bytes: readFileSync(join(CORPUS, name)) }, sheet ? { sheet } : {}).kind;
  const others = BASE_KINDS.filter((baseKind) => baseKind !== kind).map((baseKind) => join(BASE, `${baseKind}.csv`));
  const lines: string[] = [];
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    lines.push(...String(chunk).split('\n'));
    return true;
  });
  const stdout = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  try {
    await main(['validate', '--verbose', join(CORPUS, name), ...others, ...(sheet ? ['--sheet', sheet] : [])]);
  } finally {
    stderr.mockRestore();
    stdout.mockRestore();
  }
  // Files are named as the wizard names them: without their folder.
  // Node's own warnings (a listener count) are not findings.
  return unique(lines.filter((line) => line !== '' && !line.startsWith('(')).map((line) => line.replaceAll(`${CORPUS}/`, '').replaceAll(`${BASE}/`, '')));
}

describe('the broken-file corpus', () => {
  beforeAll(() => {
    expect(base.issues).toEqual([]);
  });
  afterAll(() => vi.restoreAllMocks());

  it('has at least 30 cases, each with its expected findings', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
    if (!WRITE) for (const name of cases) expect(existsSync(join(CORPUS, `${name}.expected`)), name).toBe(true);
  });

  for (const name of cases) {
    it(`${name}: the wizard and gapmap validate find exactly what is expected`, async () => {
      const expected = expectedOf(name);
      const [wizard, cli] = [await wizardFindings(name, expected.sheet), await cliFindings(name, expected.sheet)];
      if (WRITE) {
        const header = existsSync(join(CORPUS, `${name}.expected`)) ? readFileSync(join(CORPUS, `${name}.expected`), 'utf8').split('\n').filter((line) => line.startsWith('#')) : [];
        writeFileSync(join(CORPUS, `${name}.expected`), `${[...header, ...wizard].join('\n')}\n`);
        if (JSON.stringify(wizard) !== JSON.stringify(cli)) console.log(`${name}\n  wizard: ${wizard.join('\n          ')}\n  cli:    ${cli.join('\n          ')}`);
        return;
      }
      expect(wizard).toEqual(unique(expected.findings));
      expect(cli).toEqual(unique(expected.findings));
    });
  }
});
