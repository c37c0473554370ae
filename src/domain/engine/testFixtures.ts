// Small, realistic organisations for the engine's tests (imported by *.test.ts only): a data
// platform team and a customer support team, a catalog with a two-level credential stack.
import type { Assessment, Award, Credential, Employee, Goal, Organisation, Role } from '../schema';
import { emptyOrganisation } from '../schema';

export function employee(id: string, team: string, role: string, name = `Person ${id}`): Employee {
  return { id, name, email: `${id.toLowerCase()}@example.com`, team, role };
}

export function award(employeeId: string, credential: string, issuedOn: string, expiresOn?: string): Award {
  const result: Award = { employee: employeeId, credential, issuedOn, verification: 'verified' };
  if (expiresOn !== undefined) result.expiresOn = expiresOn;
  return result;
}

export function assessment(employeeId: string, skill: string, level: number, assessedOn?: string, source: Assessment['source'] = 'manager'): Assessment {
  const result: Assessment = { employee: employeeId, skill, level, source };
  if (assessedOn !== undefined) result.assessedOn = assessedOn;
  return result;
}

export function goal(id: string, employeeId: string, credential: string, createdOn: string, dueOn: string, status: Goal['status'] = 'assigned'): Goal {
  return { id, employee: employeeId, credential, createdOn, dueOn, status, kind: 'organisational', assignedBy: 'M1' };
}

export const SKILLS: Organisation['skills'] = [
  { id: 'sql', name: 'SQL', category: 'technical' },
  { id: 'python', name: 'Python', category: 'technical' },
  { id: 'gdpr', name: 'GDPR compliance', category: 'compliance' },
  { id: 'comms', name: 'Customer communication', category: 'soft' },
];

/**
 * sql-found (SQL 2, valid 24 months), sql-adv (SQL 4, no expiry), py-cert (Python 3, 12 months),
 * gdpr-basic (GDPR 2, 12 months); stack data-eng = sql-adv + py-cert (Python 4); stack data-lead =
 * data-eng + gdpr-basic (GDPR 3): a stack whose components include a stack.
 */
export const CATALOG: Credential[] = [
  { id: 'sql-found', name: 'SQL Foundations', issuer: 'DataCamp', grants: [{ skill: 'sql', level: 2 }], hours: 10, cost: 100, validityMonths: 24 },
  { id: 'sql-adv', name: 'Advanced SQL', issuer: 'DataCamp', grants: [{ skill: 'sql', level: 4 }], hours: 30, cost: 400 },
  { id: 'py-cert', name: 'Python Practitioner', issuer: 'PSF Academy', grants: [{ skill: 'python', level: 3 }], hours: 40, cost: 300, validityMonths: 12 },
  { id: 'gdpr-basic', name: 'GDPR Essentials', issuer: 'IAPP', grants: [{ skill: 'gdpr', level: 2 }], hours: 4, cost: 50, validityMonths: 12 },
  { id: 'data-eng', name: 'Data Engineer Certificate', issuer: 'DataCamp', grants: [{ skill: 'python', level: 4 }], components: ['sql-adv', 'py-cert'] },
  { id: 'data-lead', name: 'Data Lead Certificate', issuer: 'DataCamp', grants: [{ skill: 'gdpr', level: 3 }], components: ['data-eng', 'gdpr-basic'] },
];

/** data-engineer: SQL 4 critical, Python 3 important, GDPR 2 nice; support-agent: comms 3 important, GDPR 2 critical, SQL 2 nice. */
export const ROLES: Role[] = [
  {
    id: 'data-engineer',
    name: 'Data Engineer',
    requirements: [
      { skill: 'sql', level: 4, weight: 'critical' },
      { skill: 'python', level: 3, weight: 'important' },
      { skill: 'gdpr', level: 2, weight: 'nice-to-have' },
    ],
  },
  {
    id: 'support-agent',
    name: 'Support Agent',
    requirements: [
      { skill: 'comms', level: 3, weight: 'important' },
      { skill: 'gdpr', level: 2, weight: 'critical' },
      { skill: 'sql', level: 2, weight: 'nice-to-have' },
    ],
  },
];

export function organisation(parts: Partial<Organisation>): Organisation {
  return { ...emptyOrganisation(), skills: SKILLS, credentials: CATALOG, roles: ROLES, ...parts };
}

/**
 * Two teams as of 2026-03-01. Data Platform: D1 and D2 (data engineers) and S9 (a support agent
 * seconded to it); Support: S1 (a new support agent with nothing yet). Effective levels then:
 * D1 SQL 4, Python 4 (data-eng stack); D2 SQL 2, Python 2, GDPR 2 (until 2026-04-01); S9 SQL 4, comms 4.
 */
export function twoTeams(parts: Partial<Organisation> = {}): Organisation {
  return organisation({
    employees: [
      employee('D1', 'Data Platform', 'data-engineer'),
      employee('D2', 'Data Platform', 'data-engineer'),
      employee('S9', 'Data Platform', 'support-agent'),
      employee('S1', 'Support', 'support-agent'),
    ],
    awards: [
      award('D1', 'sql-adv', '2024-05-01'),
      award('D1', 'py-cert', '2025-09-01'),
      award('D2', 'sql-found', '2025-05-01'),
      award('D2', 'gdpr-basic', '2025-04-01'),
      award('S9', 'gdpr-basic', '2024-01-01'), // lapsed 2025-01-01
      award('S9', 'sql-adv', '2024-02-01'),
    ],
    assessments: [assessment('D2', 'python', 2, '2025-10-01'), assessment('S9', 'comms', 4)],
    ...parts,
  });
}
