import { describe, expect, it } from 'vitest';
import type { Organisation } from './schema';
import { retentionCutoff, withoutPerson } from './erasure';

const org: Organisation = {
  skills: [{ id: 'sql', name: 'SQL', category: 'data' }],
  roles: [],
  credentials: [{ id: 'c1', name: 'C1', issuer: 'I', grants: [{ skill: 'sql', level: 2 }] }],
  employees: [
    { id: 'boss', name: 'Bo Boss', team: 'T', role: 'r' },
    { id: 'e1', name: 'Eve One', team: 'T', role: 'r', manager: 'boss' },
    { id: 'e2', name: 'Ed Two', team: 'T', role: 'r', manager: 'boss' },
  ],
  awards: [{ employee: 'boss', credential: 'c1', issuedOn: '2025-01-01', verification: 'verified' }, { employee: 'e1', credential: 'c1', issuedOn: '2025-01-01', verification: 'verified' }],
  assessments: [{ employee: 'boss', skill: 'sql', level: 3, source: 'self', assessedOn: '2025-01-01' }],
  goals: [{ id: 'g1', employee: 'boss', credential: 'c1', dueOn: '2027-01-01', kind: 'personal', status: 'assigned', assignedBy: 'x', createdOn: '2026-01-01' }],
  interests: [{ employee: 'boss', skill: 'sql' }, { employee: 'e2', skill: 'sql' }],
};

describe('withoutPerson', () => {
  it('removes every record naming the person and blanks them as manager, counting each', () => {
    const { organisation, erased } = withoutPerson(org, 'boss');
    expect(JSON.stringify(organisation)).not.toContain('boss');
    expect(organisation.employees.map((employee) => employee.id)).toEqual(['e1', 'e2']);
    expect(organisation.awards).toEqual([org.awards[1]]);
    expect(organisation.interests).toEqual([org.interests[1]]);
    expect(erased).toEqual({ employees: 1, awards: 1, assessments: 1, goals: 1, interests: 1, reports: 2 });
  });

  it('changes nothing for an id nobody has', () => {
    expect(withoutPerson(org, 'nobody').erased).toEqual({ employees: 0, awards: 0, assessments: 0, goals: 0, interests: 0, reports: 0 });
  });
});

describe('retentionCutoff', () => {
  it('is the same day N months earlier', () => {
    expect(retentionCutoff('2026-11-25', 24)).toBe('2024-11-25');
    expect(retentionCutoff('2026-03-31', 1)).toBe('2026-02-28');
  });
});
