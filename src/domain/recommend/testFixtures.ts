// A small analytics team for the recommenders' tests (imported by *.test.ts only): a catalog with a
// three-component stack, two viz courses tied on price, and a skill no course grants high enough.
import type { Credential, Organisation } from '../schema';
import { emptyOrganisation } from '../schema';

export const AS_OF = '2026-03-01';

export const CATALOG: Credential[] = [
  { id: 'sql-basics', name: 'SQL Basics', issuer: 'DataCamp', grants: [{ skill: 'sql', level: 2 }], cost: 100, hours: 8 },
  { id: 'sql-joins', name: 'SQL Joins and Windows', issuer: 'DataCamp', grants: [{ skill: 'sql', level: 3 }], cost: 150, hours: 10 },
  { id: 'sql-adv', name: 'Advanced SQL', issuer: 'DataCamp', grants: [{ skill: 'sql', level: 4 }], cost: 600, hours: 30, validityMonths: 24 },
  { id: 'viz-charts', name: 'Charts that Work', issuer: 'Coursera', grants: [{ skill: 'viz', level: 3 }], cost: 200, hours: 12 },
  {
    id: 'viz-powerbi',
    name: 'Power BI Dashboards',
    issuer: 'Microsoft',
    grants: [{ skill: 'viz', level: 3 }, { skill: 'python', level: 1 }],
    cost: 200,
    hours: 12,
  },
  { id: 'stats-101', name: 'Statistics 101', issuer: 'edX', grants: [{ skill: 'stats', level: 2 }], cost: 120, hours: 10 },
  {
    id: 'data-analytics',
    name: 'Data Analytics certificate',
    issuer: 'DataCamp',
    grants: [{ skill: 'sql', level: 4 }, { skill: 'viz', level: 3 }],
    components: ['sql-basics', 'sql-joins', 'viz-charts'],
  },
];

/** Insights team: A1 holds sql-basics; A2 holds sql-basics and sql-joins and tested stats 3; A3 holds sql-adv (to 2027-06-01). */
export function analysts(parts: Partial<Organisation> = {}): Organisation {
  return {
    ...emptyOrganisation(),
    skills: [
      { id: 'sql', name: 'SQL', category: 'technical' },
      { id: 'viz', name: 'Data visualisation', category: 'technical' },
      { id: 'python', name: 'Python', category: 'technical' },
    ],
    credentials: CATALOG,
    roles: [
      {
        id: 'analyst',
        name: 'Data Analyst',
        requirements: [
          { skill: 'sql', level: 4, weight: 'critical' },
          { skill: 'viz', level: 3, weight: 'important' },
          // No skills-file entry for stats: messages fall back to the id.
          { skill: 'stats', level: 3, weight: 'nice-to-have' },
        ],
      },
    ],
    employees: [
      { id: 'A1', name: 'Ada Byrne', team: 'Insights', role: 'analyst' },
      { id: 'A2', name: 'Bea Chen', team: 'Insights', role: 'analyst' },
      { id: 'A3', name: 'Cal Diaz', team: 'Insights', role: 'analyst' },
    ],
    awards: [
      { employee: 'A1', credential: 'sql-basics', issuedOn: '2025-01-10', verification: 'verified' },
      { employee: 'A2', credential: 'sql-basics', issuedOn: '2024-05-02', verification: 'verified' },
      { employee: 'A2', credential: 'sql-joins', issuedOn: '2024-09-15', verification: 'verified' },
      { employee: 'A3', credential: 'sql-adv', issuedOn: '2025-06-01', verification: 'verified' },
    ],
    assessments: [{ employee: 'A2', skill: 'stats', level: 3, source: 'test', assessedOn: '2026-01-20' }],
    ...parts,
  };
}
