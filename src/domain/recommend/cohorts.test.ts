import { describe, it, expect } from 'vitest';
import { prepareOrganisation } from '../engine/index';
import { cohortsOf, teamCohorts } from './cohorts';
import type { Pathway } from './pathway';
import { AS_OF, analysts } from './testFixtures';

describe('teamCohorts', () => {
  it('groups the members’ optimal pathways by credential, most weighted gap closed first', () => {
    const cohorts = teamCohorts(prepareOrganisation(analysts()), 'Insights', AS_OF);
    // A1: sql-joins (0) + viz-charts (viz 6) earn data-analytics (sql 6); A2: viz-charts (6) earns
    // data-analytics (sql 3); A3 already has SQL 4: viz-charts (6).
    expect(cohorts).toEqual([
      { credentialId: 'viz-charts', name: 'Charts that Work', employees: ['A1', 'A2', 'A3'], weightedGapClosed: 18, totalCost: 600, totalHours: 36, isStack: false },
      { credentialId: 'data-analytics', name: 'Data Analytics certificate', employees: ['A1', 'A2'], weightedGapClosed: 9, totalCost: 0, totalHours: 0, isStack: true },
      { credentialId: 'sql-joins', name: 'SQL Joins and Windows', employees: ['A1'], weightedGapClosed: 0, totalCost: 150, totalHours: 10, isStack: false },
    ]);
  });

  it('has no cohorts for an unknown team', () => {
    expect(teamCohorts(prepareOrganisation(analysts()), 'Nowhere', AS_OF)).toEqual([]);
  });
});

describe('cohortsOf', () => {
  const step = (credentialId: string, cost: number, weightedGapClosed: number) => ({
    credentialId,
    name: credentialId.toUpperCase(),
    cost,
    hours: 1.5,
    isStack: false,
    skillsClosed: [],
    weightedGapClosed,
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
    const cohorts = cohortsOf([
      pathway('E3', [step('gdpr', 0.1, 2)]),
      pathway('E1', [step('gdpr', 0.2, 1), step('excel', 19.99, 3)]),
    ]);
    expect(cohorts).toEqual([
      { credentialId: 'excel', name: 'EXCEL', employees: ['E1'], weightedGapClosed: 3, totalCost: 19.99, totalHours: 1.5, isStack: false },
      { credentialId: 'gdpr', name: 'GDPR', employees: ['E1', 'E3'], weightedGapClosed: 3, totalCost: 0.3, totalHours: 3, isStack: false },
    ]);
  });
});
