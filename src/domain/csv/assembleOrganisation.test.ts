import { describe, expect, it } from 'vitest';
import { RECORD_KINDS } from '../schema';
import { assembleOrganisation } from './assembleOrganisation';
import { formatIssue } from './formatIssue';
import { readCsvFile } from './readCsvFile';
import { organisationCsvFiles } from './writeCsv';
import { AWKWARD_ORGANISATION } from './roundTripOrganisation';

const file = (fileName: string, text: string) => readCsvFile({ fileName, text }, { importedOn: '2026-01-15' });
const lines = (issues: { severity: string }[] & Parameters<typeof formatIssue>[0][]) => issues.map(formatIssue);

const skills = file('skills.csv', 'skill_id,name,category\r\nsql,SQL,technical\r\npy,Python,technical\r\n');
const roles = file('roles.csv', 'role,skill,level,weight\r\nAnalyst,SQL,3,critical\r\nAnalyst,py,2,\r\n');
const catalog = file('catalog.csv',
  'credential_id,name,issuer,skill,level,hours,cost,currency,validity_months,components\r\n' +
  'sql-b,SQL Basics,Acme,sql,2,6,49,GBP,24,\r\n' +
  'py-b,Python Basics,Acme,py,2,8,59,GBP,,\r\n' +
  'data-cert,Data Certificate,Acme,sql,3,,,,,sql-b;py-b\r\n');
const employees = file('employees.csv',
  'Employee ID,Name,Email,Team,Job Title,Manager\r\nE1,Ann Lee,ann@example.com,Data,Analyst,\r\nE2,Bo Chen,bo@example.com,Data,analyst,Ann Lee\r\n');

describe('assembleOrganisation', () => {
  it('resolves references by id, then by name or email, case-insensitively', () => {
    const awards = file('awards.csv', 'Email,Badge Name,Date Issued\r\nANN@example.com,sql basics,2025-01-10\r\n');
    const result = assembleOrganisation([skills, roles, catalog, employees, awards]);
    expect(lines(result.issues)).toEqual([]);
    expect(result.organisation.roles).toEqual([{ id: 'Analyst', name: 'Analyst', requirements: [
      { skill: 'sql', level: 3, weight: 'critical' }, { skill: 'py', level: 2, weight: 'important' },
    ] }]);
    expect(result.organisation.employees[1]).toEqual({ id: 'E2', name: 'Bo Chen', email: 'bo@example.com', team: 'Data', role: 'Analyst', manager: 'E1' });
    expect(result.organisation.awards).toEqual([{ employee: 'E1', credential: 'sql-b', issuedOn: '2025-01-10', verification: 'unverified' }]);
    expect(result.organisation.credentials[2]).toEqual({ id: 'data-cert', name: 'Data Certificate', issuer: 'Acme', grants: [{ skill: 'sql', level: 3 }], components: ['sql-b', 'py-b'] });
    expect(result.counts).toEqual({ employees: 2, skills: 2, roles: 1, catalog: 3, awards: 1, assessments: 0, goals: 0, interests: 0 });
  });

  it('creates skills named in roles, catalog or assessments but absent from skills, with a warning', () => {
    const wide = file('matrix.csv', 'Role,SQL,Data Storytelling\r\nAnalyst,3,2 (nice to have)\r\n');
    const result = assembleOrganisation([skills, wide]);
    expect(result.organisation.skills.map((s) => s.id)).toEqual(['sql', 'py', 'Data Storytelling']);
    expect(lines(result.issues)).toEqual([
      'matrix.csv:2:Data Storytelling: warning: skill "Data Storytelling" is not in the skills file, so it was created with "Data Storytelling" as its id and name: add it to the skills file to give it a category',
    ]);
  });

  it('reports duplicate ids and unknown references at their rows, and leaves those rows out', () => {
    const people = file('employees.csv', 'employee_id,name,team,role,manager_id\r\nE1,Ann,Data,Analyst,\r\nE1,Ann Again,Data,Analyst,\r\nE3,Cy,Data,Astronaut,\r\nE4,Di,Data,Analyst,E99\r\n');
    const awards = file('awards.csv', 'employee_id,credential_id,issued_on\r\nE1,sql-b,2025-01-01\r\nE7,sql-b,2025-01-01\r\nE1,no-such,2025-01-01\r\nE1,sql-b,2025-01-01\r\n');
    const interests = file('interests.csv', 'employee_id,skill\r\nE1,Knitting\r\n');
    const result = assembleOrganisation([skills, roles, catalog, people, awards, interests]);
    expect(lines(result.issues)).toEqual([
      'employees.csv:3:employee_id: duplicate employee_id "E1" (also on row 2): ids must be unique; this row was skipped',
      'employees.csv:4:role: no role "Astronaut" in the roles file: add the role or correct the employee\'s role',
      'employees.csv:5:manager_id: no employee "E99" to be the manager: add them to the employees file or correct the manager',
      'awards.csv:3:employee_id: no employee "E7" (by id, email or name): add them to the employees file or correct the reference',
      'awards.csv:4:credential_id: no credential "no-such" in the catalog (by id or name): add it to the catalog or correct the reference',
      'awards.csv:5:credential_id: warning: this row repeats row 2 exactly, so it was skipped (nothing is lost): remove the repeat',
      'interests.csv:2:skill: no skill "Knitting" (by id or name): add it to the skills file or correct the reference',
    ]);
    expect(result.organisation.employees.map((e) => e.id)).toEqual(['E1']);
    expect(result.organisation.awards).toHaveLength(1);
  });

  it('checks stacks and that catalog rows of one credential agree', () => {
    const bad = file('catalog.csv',
      'credential_id,name,skill,level,cost,components\r\n' +
      'a,Alpha,sql,2,100,\r\n' +
      'a,Alpha,py,2,120,\r\n' +
      'stack,Stack,sql,3,,a;ghost\r\n' +
      'loop1,Loop 1,sql,1,,loop2\r\n' +
      'loop2,Loop 2,sql,1,,loop1\r\n');
    const result = assembleOrganisation([skills, bad]);
    expect(lines(result.issues)).toEqual([
      'catalog.csv:3:cost: credential "a" has cost "100" on row 2 but "120" here: a credential\'s fields must agree across its rows; this row was skipped',
      'catalog.csv:4:components: stack component "ghost" of credential "stack" does not exist in the catalog: add it or correct the components list',
      'catalog.csv:5:components: credential "loop1" contains itself through its components: remove the loop from the components lists',
      'catalog.csv:6:components: credential "loop2" contains itself through its components: remove the loop from the components lists',
    ]);
    expect(result.organisation.credentials).toEqual([{ id: 'a', name: 'Alpha', issuer: '', cost: 100, grants: [{ skill: 'sql', level: 2 }] }]);
  });

  it('replace keeps kinds not imported; merge upserts by id and by natural key', () => {
    const base = assembleOrganisation([skills, roles, catalog, employees]).organisation;
    base.awards = [{ employee: 'E1', credential: 'sql-b', issuedOn: '2024-01-01', verification: 'verified' }];
    const more = file('employees.csv', 'employee_id,name,team,role\r\nE2,Bo Chen-Li,Data,Analyst\r\nE3,Cy Diaz,Data,Analyst\r\n');
    const merged = assembleOrganisation([more], base, 'merge');
    expect(merged.organisation.employees.map((e) => `${e.id} ${e.name}`)).toEqual(['E1 Ann Lee', 'E2 Bo Chen-Li', 'E3 Cy Diaz']);
    expect(merged.organisation.awards).toEqual(base.awards);
    expect(merged.counts.employees).toBe(2);
    const replaced = assembleOrganisation([more], base, 'replace');
    expect(replaced.organisation.employees.map((e) => e.id)).toEqual(['E2', 'E3']);
    // E1's award no longer has its employee: removed, and said once.
    expect(replaced.organisation.awards).toEqual([]);
    expect(lines(replaced.issues)).toEqual([':0:: warning: 1 existing awards record referred to something this import removed and was dropped']);
    const awardAgain = file('awards.csv', 'employee_id,credential_id,issued_on,expires_on\r\nE1,sql-b,2024-01-01,2026-01-01\r\n');
    const upserted = assembleOrganisation([awardAgain], base, 'merge');
    expect(upserted.organisation.awards).toEqual([{ employee: 'E1', credential: 'sql-b', issuedOn: '2024-01-01', expiresOn: '2026-01-01', verification: 'unverified' }]);
  });

  it('round trips an organisation through organisationCsvFiles, readCsvFile and assembleOrganisation unchanged', () => {
    const org = AWKWARD_ORGANISATION;
    for (const delimiter of [',', ';'] as const) {
      const texts = organisationCsvFiles(org, { delimiter, bom: delimiter === ';' });
      const parsed = RECORD_KINDS.map((kind) => readCsvFile({ fileName: `${kind}.csv`, bytes: new TextEncoder().encode(texts[kind]) }));
      expect(parsed.map((p) => p.kind)).toEqual([...RECORD_KINDS]);
      const result = assembleOrganisation(parsed);
      expect(parsed.flatMap((p) => p.issues).concat(result.issues).map(formatIssue)).toEqual([]);
      expect(result.organisation).toEqual(org);
    }
  });
});
