import { describe, expect, it } from 'vitest';
import { employeeRecords } from './employeeRecords';
import { goalStates, goalStatesOf } from './goals';
import { prepareOrganisation } from './prepare';
import { assessment, award, employee, goal, organisation } from './testFixtures';

describe("an employee's own records", () => {
  // Records of three people interleaved, as files often list them, plus one naming nobody on file.
  const org = organisation({
    employees: [employee('A1', 'Data Platform', 'data-engineer'), employee('B2', 'Data Platform', 'data-engineer'), employee('C3', 'Support', 'support-agent')],
    awards: [
      award('B2', 'py-cert', '2025-01-01'),
      award('A1', 'sql-adv', '2026-02-03'),
      award('X9', 'sql-adv', '2026-02-03'),
      award('A1', 'py-cert', '2024-06-01'),
      award('B2', 'sql-adv', '2025-03-01'),
      award('A1', 'py-cert', '2026-02-20'),
    ],
    assessments: [assessment('A1', 'sql', 3, '2026-01-01'), assessment('C3', 'sql', 1), assessment('A1', 'python', 2)],
    goals: [goal('g1', 'B2', 'sql-adv', '2025-01-01', '2025-12-31'), goal('g2', 'A1', 'py-cert', '2026-01-01', '2026-03-31'), goal('g3', 'A1', 'sql-adv', '2026-01-01', '2026-12-31', 'cancelled')],
    interests: [{ employee: 'C3', skill: 'sql' }, { employee: 'A1', skill: 'python' }],
  });
  const eo = prepareOrganisation(org);

  it('are exactly the records naming them, in the stored order', () => {
    const own = employeeRecords(eo, 'A1');
    expect(own.awards).toEqual([org.awards[1], org.awards[3], org.awards[5]]);
    expect(own.assessments).toEqual([org.assessments[0], org.assessments[2]]);
    expect(own.goals.map((g) => g.id)).toEqual(['g2', 'g3']);
    expect(own.interests).toEqual([{ employee: 'A1', skill: 'python' }]);
  });

  it('are empty for someone with none, and for an id not on file', () => {
    expect(employeeRecords(eo, 'C3')).toMatchObject({ awards: [], goals: [] });
    expect(employeeRecords(eo, 'X9')).toEqual({ awards: [], assessments: [], goals: [], interests: [] });
  });

  it("give each goal the same state as the organisation's goal list", () => {
    const all = new Map(goalStates(eo, '2026-03-01').map((state) => [state.goal.id, state]));
    for (const state of goalStatesOf(eo, '2026-03-01', employeeRecords(eo, 'A1').goals)) expect(state).toEqual(all.get(state.goal.id));
    // py-cert issued 2026-02-20 completes g2 on that day; g3 stays cancelled.
    expect(goalStatesOf(eo, '2026-03-01', employeeRecords(eo, 'A1').goals).map((s) => [s.status, s.completedOn])).toEqual([['completed', '2026-02-20'], ['cancelled', undefined]]);
  });
});
