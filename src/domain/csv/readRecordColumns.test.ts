import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { UNDATED, prepareOrganisation, prepareOrganisationFromColumns } from '../engine/prepare';
import { gapReportLong } from '../engine/gaps';
import { assembleOrganisation } from './assembleOrganisation';
import { readCsvFile } from './readCsvFile';
import {
  columnReferences, hasDuplicateKeys, isoDayNumberAt, readAssessmentColumns, readAssessmentRefColumns, readAwardColumns,
  readAwardRefColumns, resolveAwardColumns,
} from './readRecordColumns';

const encoder = new TextEncoder();
const bytesOf = (text: string): Uint8Array => encoder.encode(text);
const file = (text: string) => ({ fileName: 'awards.csv', bytes: bytesOf(text) });

// 1970-01-01 is day 0; 2024-01-01 is day 19,723 (54 years, 13 of them leap); 2024-03-01 is 19,723 + 31 + 29.
const DAY_2024_01_01 = 19_723;
const DAY_2024_03_01 = 19_783;
const DAY_2026_06_30 = 20_634; // 2026-01-01 is 19,723 + 366 + 365 = 20,454; June 30th is 180 days later

const refs = columnReferences({
  employees: [
    { id: 'E1', name: 'Ann Lee', team: 'Data', role: 'analyst' },
    { id: 'E2', name: 'Bo Chen', email: 'bo@example.com', team: 'Data', role: 'analyst' },
  ],
  credentials: [
    { id: 'SQL-F', name: 'SQL Foundations', issuer: 'Guild', grants: [] },
    { id: 'PY-P', name: 'Python Practitioner', issuer: 'Guild', grants: [] },
  ],
  skills: [
    { id: 'sql', name: 'SQL', category: 'data' },
    { id: 'python', name: 'Python', category: 'data' },
  ],
});

describe('isoDayNumberAt', () => {
  it('reads a YYYY-MM-DD cell in place as its day number', () => {
    expect(isoDayNumberAt(bytesOf('x,1970-01-01,y'), 2, 12)).toBe(0);
    expect(isoDayNumberAt(bytesOf('2024-03-01'), 0, 10)).toBe(DAY_2024_03_01);
    expect(isoDayNumberAt(Uint16Array.from('2024-02-29', (c) => c.charCodeAt(0)), 0, 10)).toBe(DAY_2024_03_01 - 1);
  });

  it('is NaN for anything isIsoDateFast refuses: other lengths, forms and impossible days', () => {
    for (const cell of ['2023-02-29', '2024-13-01', '2024-00-10', '2024-04-31', '01/03/2024', '2024-3-01', ' 2024-03-01', '']) {
      expect(isoDayNumberAt(bytesOf(cell), 0, cell.length)).toBeNaN();
    }
  });
});

describe('hasDuplicateKeys', () => {
  it('finds two rows of one employee with the same key, wherever they are in the file', () => {
    expect(hasDuplicateKeys(Int32Array.of(0, 1, 0), Float64Array.of(5, 5, 6), 3)).toBe(false);
    expect(hasDuplicateKeys(Int32Array.of(0, 1, 0), Float64Array.of(5, 6, 5), 3)).toBe(true);
  });

  it('finds them in an employee with more rows than it compares pairwise', () => {
    const employee = new Int32Array(40);
    const unique = Float64Array.from({ length: 40 }, (_, i) => i);
    expect(hasDuplicateKeys(employee, unique, 40)).toBe(false);
    unique[39] = 3;
    expect(hasDuplicateKeys(employee, unique, 40)).toBe(true);
  });
});

describe('readAwardColumns', () => {
  it('reads a plain awards file: positions of the exact ids, day numbers, UNDATED for a blank expiry', () => {
    const columns = readAwardColumns(file(
      'employee_id,credential_id,issued_on,expires_on,evidence_url\r\n' +
      'E2,PY-P,2024-01-01,,https://badges.example/1\r\n' +
      'E2,SQL-F,2024-03-01,2026-06-30,\r\n' +
      'E1,SQL-F,2024-01-01,,\r\n',
    ), refs);
    expect(columns).not.toBeNull();
    expect(columns!.length).toBe(3);
    expect([...columns!.employee.subarray(0, 3)]).toEqual([1, 1, 0]);
    expect([...columns!.credential.subarray(0, 3)]).toEqual([1, 0, 0]);
    expect([...columns!.issued.subarray(0, 3)]).toEqual([DAY_2024_01_01, DAY_2024_03_01, DAY_2024_01_01]);
    expect([...columns!.expires.subarray(0, 3)]).toEqual([UNDATED, DAY_2026_06_30, UNDATED]);
  });

  it('keeps each id as written once, then resolves them in one step', () => {
    const columns = readAwardRefColumns(bytesOf('Employee ID;Credential ID;Issued On\nE2;SQL-F;2024-01-01\nE2;PY-P;2024-01-01\nE1;SQL-F;2024-01-01\n'));
    expect(columns?.employeeIds).toEqual(['E2', 'E1']);
    expect(columns?.credentialIds).toEqual(['SQL-F', 'PY-P']);
    expect([...columns!.employee.subarray(0, 3)]).toEqual([0, 0, 1]);
    const resolved = resolveAwardColumns(columns!, refs);
    expect([...resolved!.employee.subarray(0, 3)]).toEqual([1, 1, 0]);
    expect([...resolved!.credential.subarray(0, 3)]).toEqual([0, 1, 0]);
    expect([...resolved!.expires.subarray(0, 3)]).toEqual([UNDATED, UNDATED, UNDATED]);
  });

  it('leaves to the full import path every file it would read with tolerance or report on', () => {
    const header = 'employee_id,credential_id,issued_on,expires_on\r\n';
    const needsFullPath = {
      'a quote': `${header}E1,"SQL-F",2024-01-01,\r\n`,
      'a blank line': `${header}E1,SQL-F,2024-01-01,\r\n\r\nE2,SQL-F,2024-01-01,\r\n`,
      'an extra value': `${header}E1,SQL-F,2024-01-01,,x\r\n`,
      'a missing value': `${header}E1,SQL-F,2024-01-01\r\n`,
      'a space around an id': `${header}E1 ,SQL-F,2024-01-01,\r\n`,
      'a neutralised cell': `${header}'E1,SQL-F,2024-01-01,\r\n`,
      'a day-first date': `${header}E1,SQL-F,25/03/2024,\r\n`,
      'an expiry before the issue date': `${header}E1,SQL-F,2024-03-01,2024-01-01\r\n`,
      'the same award twice': `${header}E1,SQL-F,2024-01-01,\r\nE2,SQL-F,2024-01-01,\r\nE1,SQL-F,2024-01-01,2026-06-30\r\n`,
      'an employee by email': `${header}bo@example.com,SQL-F,2024-01-01,\r\n`,
      'an unknown credential': `${header}E1,SQL-A,2024-01-01,\r\n`,
      'a blank employee': `${header},SQL-F,2024-01-01,\r\n`,
      'no rows': header,
      'a missing column': 'employee_id,credential_id\r\nE1,SQL-F\r\n',
    };
    for (const [reason, text] of Object.entries(needsFullPath)) {
      expect({ reason, columns: readAwardColumns(file(text), refs) }).toEqual({ reason, columns: null });
    }
    // Not UTF-8: read as Windows-1252, with a warning.
    expect(readAwardColumns({ fileName: 'awards.csv', bytes: Uint8Array.of(...bytesOf(`${header}E1,SQL-F,2024-01-01,`), 0xe9, 13, 10) }, refs)).toBeNull();
  });

  it('reads a file beyond ASCII (its characters, not its bytes) and one with a byte order mark alike', () => {
    const text = 'employee_id,credential_id,issued_on,note\r\nE1,SQL-F,2024-01-01,Zoë’s badge\r\nE2,PY-P,2024-03-01,ok\r\n';
    for (const bytes of [bytesOf(text), Uint8Array.of(0xef, 0xbb, 0xbf, ...bytesOf(text))]) {
      const columns = readAwardColumns({ fileName: 'awards.csv', bytes }, refs);
      expect([...columns!.employee.subarray(0, 2)]).toEqual([0, 1]);
      expect([...columns!.credential.subarray(0, 2)]).toEqual([0, 1]);
      expect([...columns!.issued.subarray(0, 2)]).toEqual([DAY_2024_01_01, DAY_2024_03_01]);
    }
  });

  it('accepts the same credential again on another date, LF line ends and no final line break', () => {
    const columns = readAwardColumns(file('employee_id,credential_id,issued_on\nE1,SQL-F,2024-01-01\nE1,SQL-F,2024-03-01'), refs);
    expect(columns?.length).toBe(2);
  });
});

describe('readAssessmentColumns', () => {
  it('reads levels as digits or words, a blank source as manager and a blank date as UNDATED', () => {
    const columns = readAssessmentColumns({ fileName: 'assessments.csv', bytes: bytesOf(
      'employee_id,skill,level,source,assessed_on\r\n' +
      'E1,sql,4,test,2024-01-01\r\n' +
      'E1,sql,expert,,2024-01-01\r\n' +
      'E2,python,L2,Self,\r\n',
    ) }, refs);
    expect(columns?.length).toBe(3);
    expect([...columns!.employee.subarray(0, 3)]).toEqual([0, 0, 1]);
    expect([...columns!.skill.subarray(0, 3)]).toEqual([0, 0, 1]);
    expect([...columns!.level.subarray(0, 3)]).toEqual([4, 5, 2]);
    expect([...columns!.day.subarray(0, 3)]).toEqual([DAY_2024_01_01, DAY_2024_01_01, UNDATED]);
  });

  it('leaves to the full import path other scales, unknown skills, unknown sources and the same assessment twice', () => {
    const header = 'employee_id,skill,level,source,assessed_on\r\n';
    const needsFullPath = {
      'a level beyond 5': `${header}E1,sql,7,test,2024-01-01\r\n`,
      'a level that is not one': `${header}E1,sql,high,test,2024-01-01\r\n`,
      'an unknown skill': `${header}E1,rust,3,test,2024-01-01\r\n`,
      'an unknown source': `${header}E1,sql,3,guess,2024-01-01\r\n`,
      'the same assessment twice': `${header}E1,sql,3,test,2024-01-01\r\nE1,sql,4,test,2024-01-01\r\n`,
      'the same undated assessment twice': `${header}E1,sql,3,,\r\nE1,sql,4,manager,\r\n`,
    };
    for (const [reason, text] of Object.entries(needsFullPath)) {
      expect({ reason, columns: readAssessmentColumns({ fileName: 'a.csv', bytes: bytesOf(text) }, refs) }).toEqual({ reason, columns: null });
    }
    const plain = bytesOf(`${header}E1,sql,3,test,2024-01-01\r\nE1,sql,4,self,2024-01-01\r\n`);
    expect(readAssessmentRefColumns(plain)?.length).toBe(2);
    expect(readAssessmentRefColumns(plain, { levelScale: { min: 1, max: 8 } })).toBeNull();
  });
});

// Random small files, plain or not: whenever the columns are read, the full import path reports
// nothing about those files and the engine gives the same long gap report from either.
describe('columns agree with the full import path', () => {
  const EMPLOYEES = 'employee_id,name,email,team,role\r\nE1,Ann Lee,ann@example.com,Data,analyst\r\nE2,Bo Chen,bo@example.com,Data,analyst\r\nE3,Cy Diaz,cy@example.com,Ops,analyst\r\n';
  const ROLES = 'role,role_name,skill,level,weight\r\nanalyst,Analyst,sql,3,critical\r\nanalyst,Analyst,python,2,important\r\n';
  const CATALOG = 'credential_id,name,issuer,skill,level,validity_months\r\nSQL-F,SQL Foundations,Guild,sql,2,12\r\nSQL-A,SQL Advanced,Guild,sql,4,\r\nPY-P,Python Practitioner,Guild,python,3,24\r\n';
  const SKILLS = 'skill_id,name,category\r\nsql,SQL,data\r\npython,Python,data\r\n';
  /** Mostly plain cells, now and then one the full path reads with tolerance or reports on. */
  const cell = (plain: readonly string[], odd: readonly string[]) =>
    fc.oneof({ arbitrary: fc.constantFrom(...plain), weight: 12 }, { arbitrary: fc.constantFrom(...odd), weight: 1 });
  const employeeCell = cell(['E1', 'E2', 'E3'], ['ann@example.com', 'E4', ' E1', '']);
  const dateCell = cell(['2024-01-31', '2025-02-28', '2026-06-30', '2023-12-01', '2022-08-31'], ['31/01/2024', '2024-02-30']);
  const expiryCell = fc.oneof({ arbitrary: fc.constant(''), weight: 3 }, { arbitrary: dateCell, weight: 1 });
  const awardLine = fc.tuple(employeeCell, cell(['SQL-F', 'SQL-A', 'PY-P'], ['SQL Foundations', 'sql-f']), dateCell, expiryCell)
    .map((cells) => cells.join(','));
  const assessmentLine = fc.tuple(employeeCell, cell(['sql', 'python'], ['SQL', 'rust']), cell(['0', '3', '5', 'expert'], ['7', '']), cell(['', 'self', 'test', 'Manager'], ['boss']), expiryCell)
    .map((cells) => cells.join(','));
  it('never takes the short cut where the full path would report something, and agrees where it takes it', () => {
    let shortCuts = 0;
    fc.assert(fc.property(fc.array(awardLine, { minLength: 1, maxLength: 8 }), fc.array(assessmentLine, { maxLength: 6 }), (awardLines, assessmentLines) => {
      const awardsText = `employee_id,credential_id,issued_on,expires_on\r\n${awardLines.join('\r\n')}\r\n`;
      const assessmentsText = `employee_id,skill,level,source,assessed_on\r\n${assessmentLines.join('\r\n')}\r\n`;
      const others = [['employees', EMPLOYEES], ['roles', ROLES], ['catalog', CATALOG], ['skills', SKILLS]] as const;
      const otherFiles = others.map(([kind, text]) => readCsvFile({ fileName: `${kind}.csv`, text }, { kind }));
      const base = assembleOrganisation(otherFiles).organisation;
      const columnRefs = columnReferences(base);
      const awards = readAwardColumns({ fileName: 'awards.csv', bytes: bytesOf(awardsText) }, columnRefs);
      const assessments = assessmentLines.length === 0 ? undefined : readAssessmentColumns({ fileName: 'assessments.csv', bytes: bytesOf(assessmentsText) }, columnRefs);
      if (awards === null || assessments === null) return;
      shortCuts++;
      const full = [...otherFiles, readCsvFile({ fileName: 'awards.csv', text: awardsText }, { kind: 'awards' })];
      if (assessmentLines.length > 0) full.push(readCsvFile({ fileName: 'assessments.csv', text: assessmentsText }, { kind: 'assessments' }));
      const assembled = assembleOrganisation(full);
      expect([...full.flatMap((parsed) => [...parsed.issues, ...parsed.pending]), ...assembled.issues]).toEqual([]);
      const noAssessments = { length: 0, employee: new Int32Array(0), skill: new Int32Array(0), day: new Int32Array(0), level: new Int8Array(0) };
      const byColumns = prepareOrganisationFromColumns(base, awards, assessments ?? noAssessments);
      for (const asOf of ['2024-06-30', '2026-06-30']) {
        expect(gapReportLong(byColumns, asOf)).toEqual(gapReportLong(prepareOrganisation(assembled.organisation), asOf));
      }
    }), { numRuns: 300 });
    // Both ways were taken: the files above are plain often enough.
    expect(shortCuts).toBeGreaterThan(20);
  });
});
