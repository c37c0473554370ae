import { describe, it, expect } from 'vitest';
import { prepareOrganisation } from '../engine/index';
import { assignedEmployees, cohortTotals, cohortsOf, teamCohorts, type Cohort } from './cohorts';
import type { Pathway, PathwayStep } from './pathway';
import { AS_OF, analysts } from './testFixtures';

describe('teamCohorts', () => {
  it('puts a stack and the courses that earn it in one row, its weighted gap counted once', () => {
    const cohorts = teamCohorts(prepareOrganisation(analysts()), 'Insights', AS_OF);
    // By hand from the fixture. A1 (SQL 2, viz 0): sql-joins (150, 10 h) + viz-charts (200, 12 h) earn
    // data-analytics: viz 0→3 important (2×3 = 6) credited to viz-charts, SQL 2→4 critical (3×2 = 6) to
    // the certificate. A2 (SQL 3, viz 0): viz-charts earns it: viz 0→3 (6), SQL 3→4 (3×1 = 3).
    // A3 (SQL 4 by sql-adv, viz 0): viz-charts alone, earning no stack: viz 0→3 (6).
    expect(cohorts).toEqual([
      {
        credentialId: 'data-analytics',
        name: 'Data Analytics certificate',
        isStack: true,
        employees: ['A1', 'A2'],
        weightedGapClosed: 21,
        totalCost: 550,
        totalHours: 34,
        courses: [
          { credentialId: 'sql-joins', name: 'SQL Joins and Windows', employees: ['A1'], totalCost: 150, totalHours: 10 },
          { credentialId: 'viz-charts', name: 'Charts that Work', employees: ['A1', 'A2'], totalCost: 400, totalHours: 24 },
        ],
        closes: [
          { skill: 'sql', from: 2, to: 4, employees: ['A1'], weightedGap: 6 },
          { skill: 'sql', from: 3, to: 4, employees: ['A2'], weightedGap: 3 },
          { skill: 'viz', from: 0, to: 3, employees: ['A1', 'A2'], weightedGap: 12 },
        ],
        bookings: [
          { employeeId: 'A1', credentialId: 'sql-joins' },
          { employeeId: 'A1', credentialId: 'viz-charts' },
          { employeeId: 'A2', credentialId: 'viz-charts' },
        ],
      },
      {
        credentialId: 'viz-charts',
        name: 'Charts that Work',
        isStack: false,
        employees: ['A3'],
        weightedGapClosed: 6,
        totalCost: 200,
        totalHours: 12,
        courses: [{ credentialId: 'viz-charts', name: 'Charts that Work', employees: ['A3'], totalCost: 200, totalHours: 12 }],
        closes: [{ skill: 'viz', from: 0, to: 3, employees: ['A3'], weightedGap: 6 }],
        bookings: [{ employeeId: 'A3', credentialId: 'viz-charts' }],
      },
    ]);
  });

  it('has no cohorts for an unknown team', () => {
    expect(teamCohorts(prepareOrganisation(analysts()), 'Nowhere', AS_OF)).toEqual([]);
  });
});

describe('cohortsOf', () => {
  const step = (credentialId: string, cost: number, weightedGapClosed: number, extra: Partial<PathwayStep> = {}): PathwayStep => ({
    credentialId,
    name: credentialId.toUpperCase(),
    cost,
    hours: 1.5,
    isStack: false,
    skillsClosed: [],
    closes: [],
    weightedGapClosed,
    ...extra,
  });
  const pathway = (employeeId: string, steps: Pathway['steps']): Pathway => ({
    employeeId,
    objective: 'cost',
    steps,
    totalCost: 0,
    totalHours: 0,
    weightedGapClosed: 0,
    unclosable: [],
    stackProgress: [],
  });

  it('sums prices to the cent and breaks a tie on weighted gap by credential id', () => {
    const cohorts = cohortsOf([pathway('E3', [step('gdpr', 0.1, 2)]), pathway('E1', [step('gdpr', 0.2, 1), step('excel', 19.99, 3)])]);
    expect(cohorts.map((cohort) => [cohort.credentialId, cohort.employees, cohort.weightedGapClosed, cohort.totalCost, cohort.totalHours])).toEqual([
      ['excel', ['E1'], 3, 19.99, 1.5],
      ['gdpr', ['E1', 'E3'], 3, 0.3, 3],
    ]);
  });

  it('files nested stacks and their courses under the outermost stack the pathway earns', () => {
    // E1 takes a (10) and b (20): a alone earns the inner stack S1 (needs a), a + b the outer S2.
    const cohorts = cohortsOf([
      pathway('E1', [
        step('a', 10, 2, { completesStack: 'S2' }),
        step('b', 20, 0, { completesStack: 'S2' }),
        step('S1', 0, 3, { isStack: true, hours: 0, needs: ['a'] }),
        step('S2', 0, 4, { isStack: true, hours: 0, needs: ['a', 'b'] }),
      ]),
    ]);
    expect(cohorts.map((cohort) => [cohort.credentialId, cohort.isStack, cohort.weightedGapClosed, cohort.totalCost, cohort.totalHours, cohort.courses.map((course) => course.credentialId)])).toEqual([
      ['S2', true, 9, 30, 3, ['a', 'b']],
    ]);
  });

  it('keeps a course taken on its own apart from the same course taken towards a stack', () => {
    const cohorts = cohortsOf([
      pathway('E1', [step('a', 10, 2, { completesStack: 'S' }), step('S', 0, 3, { isStack: true, hours: 0, needs: ['a'] })]),
      pathway('E2', [step('a', 10, 2)]),
    ]);
    expect(cohorts.map((cohort) => [cohort.credentialId, cohort.employees, cohort.weightedGapClosed, cohort.totalCost])).toEqual([
      ['S', ['E1'], 5, 10],
      ['a', ['E2'], 2, 10],
    ]);
  });
});

describe('assignedEmployees and cohortTotals', () => {
  const cohorts = teamCohorts(prepareOrganisation(analysts()), 'Insights', AS_OF);
  const goal = (employee: string, credential: string) => ({ id: `${employee}-${credential}`, employee, credential, dueOn: '2026-06-30', kind: 'organisational' as const, status: 'assigned' as const, assignedBy: 'L&D', createdOn: AS_OF });
  // A2 has a goal for their one booking (viz-charts); A1 only for one of their two.
  const open = new Map([
    ['A2\u0000viz-charts', goal('A2', 'viz-charts')],
    ['A1\u0000viz-charts', goal('A1', 'viz-charts')],
  ]);

  it('counts a member assigned only when every booking of theirs in the row has an open goal', () => {
    expect(assignedEmployees(cohorts[0] as Cohort, open)).toEqual(['A2']);
    expect(assignedEmployees(cohorts[1] as Cohort, open)).toEqual([]);
  });

  it('adds the rows up, each booking once: 4 bookings, 750 €, 46 hours, a weighted gap of 27', () => {
    // data-analytics 550 € / 34 h / 21 + viz-charts for A3 200 € / 12 h / 6.
    expect(cohortTotals(cohorts, open)).toEqual({ people: 3, bookings: 4, assigned: 2, cost: 750, hours: 46, weightedGapClosed: 27 });
  });
});
