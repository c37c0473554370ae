import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { generateOrganisation } from '../domain/demo/generate';
import { gapReportLong, prepareOrganisation } from '../domain/engine/index';
import { gapLongCsv } from '../domain/csv/index';

const ROOT = resolve(import.meta.dirname, '../..');
const FIXTURES = 'tests/fixtures/cli';
const AS_OF = '2026-03-31';

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function gapmap(...args: string[]): Run {
  const result = spawnSync('node', ['bin/gapmap.js', ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, GAPMAP_REPORT_RSS: '' } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const fixture = (name: string) => `${FIXTURES}/${name}`;
const expected = (name: string) => readFileSync(join(ROOT, FIXTURES, name), 'utf8');
/** The writer's line ending is the writer's business; the rows are what is compared exactly. */
const lines = (text: string) => text.replace(/\r\n/g, '\n').replace(/\n$/, '').split('\n');

const DATA = [
  '--employees', fixture('employees.csv'),
  '--roles', fixture('roles.csv'),
  '--catalog', fixture('catalog.csv'),
  '--awards', fixture('awards.csv'),
  '--skills', fixture('skills.csv'),
  '--assessments', fixture('assessments.csv'),
];

describe('gapmap report', () => {
  it('prints the long gap report computed by hand for the fixture organisation', () => {
    const run = gapmap('report', ...DATA, '--as-of', AS_OF);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(lines(run.stdout)).toEqual(lines(expected('expected-report-long.csv')));
  });

  it('prints the team report with coverage to 4 decimals and the bench', () => {
    const run = gapmap('report', ...DATA, '--as-of', AS_OF, '--format', 'team');
    expect(run.status).toBe(0);
    expect(lines(run.stdout)).toEqual(lines(expected('expected-report-team.csv')));
  });

  it('writes to --out with a BOM and semicolons for European Excel', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gapmap-cli-'));
    try {
      const out = join(dir, 'team.csv');
      const run = gapmap('report', ...DATA, '--as-of', AS_OF, '--format', 'team', '--out', out, '--bom', '--delimiter', ';');
      expect(run.status).toBe(0);
      expect(run.stdout).toBe('');
      const written = readFileSync(out, 'utf8');
      expect(written.startsWith('\uFEFF')).toBe(true);
      expect(lines(written.slice(1))[0]).toBe('team;skill_id;skill_name;required_count;met_count;coverage;total_gap;weighted_gap;bench');
      expect(lines(written.slice(1))).toHaveLength(9);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('gives the same report when the awards and assessments need the full import path, with its warnings', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gapmap-cli-'));
    try {
      // Quoted ids (read by the RFC 4180 parser), an award by the holder's email, a level as a word
      // and an extra value on one row (a warning): the same records as the plain fixture files.
      const awards = expected('awards.csv').split('\n').map((line) =>
        line.replace(/^E001,([^,]+),/, 'E001,"$1",').replace(/^E002,SQL-A,/, 'kenji.sato@northwind.example,SQL-A,'));
      awards[2] = `${awards[2]!},extra`;
      const assessments = expected('assessments.csv').replace('E001,sql,4,test', 'E001,sql,advanced,test');
      writeFileSync(join(dir, 'awards.csv'), awards.join('\n'));
      writeFileSync(join(dir, 'assessments.csv'), assessments);
      const data = DATA.map((arg) => (arg === fixture('awards.csv') ? join(dir, 'awards.csv') : arg === fixture('assessments.csv') ? join(dir, 'assessments.csv') : arg));
      const run = gapmap('report', ...data, '--as-of', AS_OF);
      expect(run.status).toBe(0);
      expect(run.stderr).toBe(`${join(dir, 'awards.csv')}:3:: warning: this row has 6 values but the header has 5 columns: the extra values were ignored; quote fields that contain ","\n`);
      expect(lines(run.stdout)).toEqual(lines(expected('expected-report-long.csv')));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reports a missing data flag, an unknown option, a bad date and a bad format as usage errors (exit 2)', () => {
    const missing = gapmap('report', '--employees', fixture('employees.csv'), '--roles', fixture('roles.csv'), '--catalog', fixture('catalog.csv'));
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('--awards is required');
    expect(gapmap('report', ...DATA, '--colour').status).toBe(2);
    const badDate = gapmap('report', ...DATA, '--as-of', '31/03/2026');
    expect(badDate.status).toBe(2);
    expect(badDate.stderr).toContain('--as-of must be a date as YYYY-MM-DD');
    expect(gapmap('report', ...DATA, '--format', 'wide').status).toBe(2);
    expect(gapmap('report', ...DATA, '--level-scale', '8-1').status).toBe(2);
    for (const run of [missing, badDate]) expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('reports row-level data errors as FILE:ROW:COLUMN: message and exits 1 without output', () => {
    const run = gapmap('report', ...DATA.slice(0, 6), '--awards', fixture('awards-broken.csv'), '--as-of', AS_OF);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    const errorLines = run.stderr.split('\n');
    expect(errorLines).toContainEqual(expect.stringMatching(/^tests\/fixtures\/cli\/awards-broken\.csv:3:issued_on: .*2025-13-45/));
    expect(errorLines).toContainEqual(expect.stringMatching(/^tests\/fixtures\/cli\/awards-broken\.csv:4:expires_on: .*before/));
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('never guesses an ambiguous date column: exit 1 until --date-format says DMY or MDY', () => {
    const flags = [...DATA.slice(0, 6), '--skills', fixture('skills.csv'), '--as-of', AS_OF, '--awards', fixture('awards-ambiguous-dates.csv')];
    const undecided = gapmap('report', ...flags);
    expect(undecided.status).toBe(1);
    expect(undecided.stderr).toMatch(/^tests\/fixtures\/cli\/awards-ambiguous-dates\.csv:\d+:Date Issued: .*--date-format/m);
    expect(undecided.stderr.match(/Date Issued:/g)).toHaveLength(1);
    // Liam's COMM-P of 03/04/2026: 3 April, after the as-of date (DMY), or 4 March, before it (MDY).
    const dayFirst = gapmap('report', ...flags, '--date-format', 'DMY');
    expect(dayFirst.status).toBe(0);
    expect(lines(dayFirst.stdout)).toContain('E005,Liam O\'Brien,Customer Support EMEA,Support Specialist,communication,Communication,critical,3,0,0,0,3,gap');
    const monthFirst = gapmap('report', ...flags, '--date-format', 'MDY');
    expect(monthFirst.status).toBe(0);
    expect(lines(monthFirst.stdout)).toContain('E005,Liam O\'Brien,Customer Support EMEA,Support Specialist,communication,Communication,critical,3,3,0,3,0,met');
  });

  it('maps levels from another scale only once --level-scale confirms it', () => {
    const flags = [...DATA.slice(0, 10), '--as-of', AS_OF, '--assessments', fixture('assessments-scale-1-8.csv')];
    const unconfirmed = gapmap('report', ...flags);
    expect(unconfirmed.status).toBe(1);
    expect(unconfirmed.stderr).toMatch(/^tests\/fixtures\/cli\/assessments-scale-1-8\.csv:\d+:level: .*--level-scale/m);
    const confirmed = gapmap('report', ...flags, '--level-scale', '1-8');
    expect(confirmed.status).toBe(0);
    // 8 on 1–8 is the top of the scale: 5 on Gapmap's.
    expect(lines(confirmed.stdout)).toContain('E005,Liam O\'Brien,Customer Support EMEA,Support Specialist,gdpr,GDPR,important,2,0,5,5,0,met');
  });

  it('reports a file that does not exist as a data error on that file', () => {
    const run = gapmap('report', ...DATA.slice(0, 6), '--awards', fixture('no-such-awards.csv'), '--as-of', AS_OF);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^tests\/fixtures\/cli\/no-such-awards\.csv:.*does not exist/m);
  });
});

describe('gapmap recommend', () => {
  it('prints the cheapest pathway for one employee and warns about the gap nothing closes', () => {
    const run = gapmap('recommend', ...DATA, '--as-of', AS_OF, '--employee', 'E003');
    expect(run.status).toBe(0);
    expect(lines(run.stdout)).toEqual([
      'employee_id,credential_id,credential_name,cost,hours,skills_closed,weighted_gap_closed',
      'E003,DE-CERT,Data Engineering Professional Certificate,0,0,data-modelling,6',
      'E003,GDPR-E,GDPR Essentials Micro-credential,0,2,gdpr,2',
      'E003,PY-P,Python Practitioner Badge,600,30,,0',
      'E003,SQL-A,Advanced SQL Badge,450,20,sql,6',
      'E003,SQL-F,SQL Foundations Badge,120,8,,0',
    ]);
    expect(run.stderr).toContain('warning: E003: no credential grants python at level 4');
  });

  it('recommends for every member of a team', () => {
    const run = gapmap('recommend', ...DATA, '--as-of', AS_OF, '--team', 'Customer Support EMEA');
    expect(run.status).toBe(0);
    expect(lines(run.stdout)).toEqual([
      'employee_id,credential_id,credential_name,cost,hours,skills_closed,weighted_gap_closed',
      'E005,SQL-F,SQL Foundations Badge,120,8,sql,2',
    ]);
  });

  it('keeps within a budget and says what the plan guarantees on stderr', () => {
    const run = gapmap('recommend', ...DATA, '--as-of', AS_OF, '--all-teams', '--budget', '200');
    expect(run.status).toBe(0);
    const rows = lines(run.stdout).slice(1).map((line) => line.split(','));
    const spent = rows.reduce((sum, row) => sum + Number(row[3]), 0);
    expect(spent).toBeLessThanOrEqual(200);
    expect(run.stderr).toMatch(/^budget: .*spent .* of 200/m);
    expect(run.stderr).toMatch(/^guarantee /m);
  });

  it('asks for exactly one of --employee, --team or --all-teams (exit 2) and rejects an unknown employee (exit 1)', () => {
    expect(gapmap('recommend', ...DATA, '--employee', 'E003', '--team', 'Data Platform').status).toBe(2);
    expect(gapmap('recommend', ...DATA).status).toBe(2);
    expect(gapmap('recommend', ...DATA, '--employee', 'E003', '--objective', 'fun').status).toBe(2);
    const unknown = gapmap('recommend', ...DATA, '--as-of', AS_OF, '--employee', 'E999');
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(/^tests\/fixtures\/cli\/employees\.csv:.*E999/m);
  });
});

describe('gapmap validate', () => {
  it('accepts clean files together and summarises each one (exit 0)', () => {
    const run = gapmap('validate', ...DATA.filter((_, index) => index % 2 === 1), fixture('interests.csv'));
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('tests/fixtures/cli/awards.csv: awards, 13 rows');
  });

  it('prints every problem with its location and exits 1', () => {
    const run = gapmap('validate', fixture('employees-broken.csv'), fixture('awards-broken.csv'));
    expect(run.status).toBe(1);
    const errorLines = run.stderr.split('\n');
    expect(errorLines).toContainEqual(expect.stringMatching(/^tests\/fixtures\/cli\/employees-broken\.csv:4:name: /));
    expect(errorLines).toContainEqual(expect.stringMatching(/^tests\/fixtures\/cli\/awards-broken\.csv:3:issued_on: /));
    expect(errorLines).toContainEqual(expect.stringMatching(/^tests\/fixtures\/cli\/awards-broken\.csv:4:expires_on: /));
  });

  it('checks one file alone for duplicates without flagging references to files not given', () => {
    const alone = gapmap('validate', fixture('employees-broken.csv'));
    expect(alone.status).toBe(1);
    expect(alone.stderr).toMatch(/^tests\/fixtures\/cli\/employees-broken\.csv:3:employee_id: .*E001/m);
    expect(alone.stderr).not.toMatch(/role/i);
    expect(gapmap('validate', fixture('awards.csv')).status).toBe(0);
  });

  it('checks references between the files given together', () => {
    const run = gapmap('validate', fixture('employees.csv'), fixture('awards-unknown-employee.csv'));
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^tests\/fixtures\/cli\/awards-unknown-employee\.csv:3:employee_id: .*E009/)]);
  });

  it('rejects an unknown --kind as a usage error', () => {
    expect(gapmap('validate', fixture('awards.csv'), '--kind', 'badges').status).toBe(2);
    expect(gapmap('validate').status).toBe(2);
  });
});

describe('gapmap generate', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'gapmap-generate-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the eight CSV files, which report reads back into the same report as the organisation in memory', () => {
    const generated = gapmap('generate', '--employees', '60', '--seed', '3', '--as-of', AS_OF, '--out', dir);
    expect(generated.status).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(
      ['assessments.csv', 'awards.csv', 'catalog.csv', 'employees.csv', 'goals.csv', 'interests.csv', 'roles.csv', 'skills.csv'],
    );
    const file = (kind: string) => join(dir, `${kind}.csv`);
    const run = gapmap(
      'report', '--employees', file('employees'), '--roles', file('roles'), '--catalog', file('catalog'), '--awards', file('awards'),
      '--skills', file('skills'), '--assessments', file('assessments'), '--as-of', AS_OF,
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    // The same organisation in memory: every employee contributes one row per requirement of their role.
    const organisation = generateOrganisation({ employees: 60, seed: 3, asOf: AS_OF });
    const requirementCount = new Map(organisation.roles.map((role) => [role.id, role.requirements.length]));
    const expectedRows = organisation.employees.reduce((sum, employee) => sum + (requirementCount.get(employee.role) ?? 0), 0);
    const rows = lines(run.stdout);
    expect(rows).toHaveLength(expectedRows + 1);
    // Round trip: the files, read back, give the very report of the organisation held in memory.
    expect(rows).toEqual(lines(gapLongCsv(gapReportLong(prepareOrganisation(organisation), AS_OF))));
  });

  it('writes identical files for the same seed', () => {
    const again = mkdtempSync(join(tmpdir(), 'gapmap-generate-'));
    try {
      expect(gapmap('generate', '--employees', '60', '--seed', '3', '--as-of', AS_OF, '--out', again).status).toBe(0);
      for (const name of readdirSync(dir)) expect(readFileSync(join(again, name), 'utf8')).toBe(readFileSync(join(dir, name), 'utf8'));
    } finally {
      rmSync(again, { recursive: true, force: true });
    }
  });

  it('requires --employees and --out', () => {
    expect(gapmap('generate', '--out', dir).status).toBe(2);
    expect(gapmap('generate', '--employees', 'many', '--out', dir).status).toBe(2);
  });
});

describe('gapmap help and unknown commands', () => {
  it('prints help per command on stdout with exit 0', () => {
    for (const command of ['report', 'recommend', 'validate', 'generate', 'verify']) {
      const run = gapmap(command, '--help');
      expect(run.status).toBe(0);
      expect(run.stdout).toContain(`gapmap ${command}`);
    }
    expect(gapmap('--help').stdout).toContain('verify');
  });

  it('verifies a signed credential offline through the installed command', () => {
    const fixture = new URL('../../tests/fixtures/vc-test-fixtures/v2/dataIntegrityProof/didKey/legacyRegistry-noStatus-noExpiry-minimal.json', import.meta.url).pathname;
    const verify = gapmap('verify', fixture);
    expect(verify.status).toBe(0);
    const [header, row] = verify.stdout.trim().split(/\r?\n/);
    expect(header).toBe('file,status,issuer,recipient,achievement,reason');
    expect(row?.split(',')[1]).toBe('verified');
  });

  it('rejects unknown commands and a missing command with exit 2', () => {
    expect(gapmap('reprot').status).toBe(2);
    expect(gapmap().status).toBe(2);
  });
});
