// An organisation with every awkward value once — quotes, semicolons, commas and newlines in text,
// formula-looking starts, accents, exact decimals, a leap day, blank optional fields, a stack — that a
// file round trip (CSV, or an Excel workbook) must give back unchanged.
import type { Organisation } from '../schema';

export const AWKWARD_ORGANISATION: Organisation = {
  skills: [
    { id: 'sql', name: 'SQL', category: 'technical', description: 'Joins, windows and "CTEs"\nacross engines', code: 'http://data.europa.eu/esco/skill/598de5b0' },
    { id: '-neg', name: '=Formula-looking skill', category: '' },
    { id: 'comm', name: 'Communication; written', category: 'soft' },
  ],
  roles: [
    { id: 'analyst', name: 'Data Analyst', requirements: [{ skill: 'sql', level: 3, weight: 'critical' }, { skill: 'comm', level: 2, weight: 'nice-to-have' }] },
    { id: 'intern', name: 'intern', requirements: [] },
  ],
  employees: [
    { id: 'E1', name: 'Zoë Ångström', email: 'zoe@example.com', team: 'Data, Insights', role: 'analyst', location: 'Malmö' },
    { id: '007', name: '@handle Bond', team: 'Data, Insights', role: 'intern', manager: 'E1' },
  ],
  credentials: [
    { id: 'sql-b', name: 'SQL Basics', issuer: 'Acme', grants: [{ skill: 'sql', level: 2 }], hours: 7.5, cost: 0, currency: 'GBP', validityMonths: 24, url: 'https://acme.example/sql?a=1&b=2' },
    { id: 'comm-b', name: 'Writing', issuer: '', grants: [{ skill: 'comm', level: 2 }, { skill: '-neg', level: 1 }], cost: 1125.25 },
    { id: 'bundle', name: 'Bundle', issuer: 'Acme', grants: [], components: ['sql-b', 'comm-b'] },
  ],
  awards: [
    { employee: 'E1', credential: 'sql-b', issuedOn: '2024-02-29', expiresOn: '2026-02-28', evidenceUrl: 'https://badges.example/a/1', verification: 'unverified' },
    { employee: '007', credential: 'comm-b', issuedOn: '2025-12-31', verification: 'unverified' },
  ],
  assessments: [
    { employee: 'E1', skill: 'sql', level: 4, source: 'test', assessedOn: '2025-06-01' },
    { employee: '007', skill: 'comm', level: 0, source: 'self' },
  ],
  goals: [{ id: 'G1', employee: '007', credential: 'bundle', dueOn: '2026-06-30', kind: 'personal', status: 'in-progress', assignedBy: 'E1', createdOn: '2026-01-02' }],
  interests: [{ employee: '007', skill: 'sql' }],
};
