import { describe, it, expect } from 'vitest';
import { prepareOrganisation } from '../engine/index';
import { pathwayRows, recommendPathway, recommendationRows, sortRecommendationRows } from './pathway';
import { AS_OF, CATALOG, analysts } from './testFixtures';

describe('recommendPathway', () => {
  it('completes a started stack, credits each gap to one step and explains what cannot be closed', () => {
    const eo = prepareOrganisation(analysts());
    const pathway = recommendPathway(eo, 'A1', AS_OF);
    // SQL 2 → 4 (critical, 3 × 2 = 6) and viz 0 → 3 (important, 2 × 3 = 6): sql-joins + viz-charts
    // (350) earn the Data Analytics certificate (SQL 4) instead of Advanced SQL + a viz course (800).
    expect(pathway.steps).toEqual([
      { credentialId: 'sql-joins', name: 'SQL Joins and Windows', cost: 150, hours: 10, isStack: false, skillsClosed: [], closes: [], weightedGapClosed: 0, completesStack: 'data-analytics' },
      { credentialId: 'viz-charts', name: 'Charts that Work', cost: 200, hours: 12, isStack: false, skillsClosed: ['viz'], closes: [{ skill: 'viz', from: 0, to: 3, weightedGap: 6 }], weightedGapClosed: 6, completesStack: 'data-analytics' },
      {
        credentialId: 'data-analytics',
        name: 'Data Analytics certificate',
        cost: 0,
        hours: 0,
        isStack: true,
        skillsClosed: ['sql'],
        closes: [{ skill: 'sql', from: 2, to: 4, weightedGap: 6 }],
        weightedGapClosed: 6,
        needs: ['sql-joins', 'viz-charts'],
      },
    ]);
    expect(pathway.totalCost).toBe(350);
    expect(pathway.totalHours).toBe(22);
    expect(pathway.weightedGapClosed).toBe(12);
    expect(pathway.objective).toBe('cost');
    expect(pathway.unclosable).toEqual([{ skill: 'stats', required: 3, message: 'no credential in the catalog grants stats at level 3' }]);
    expect(pathway.stackProgress).toEqual([
      {
        stackId: 'data-analytics',
        name: 'Data Analytics certificate',
        held: 1,
        total: 3,
        missing: ['sql-joins', 'viz-charts'],
        sentence: '1 of 3 components held: 2 more earn the Data Analytics certificate',
      },
    ]);
  });

  it('says one more component earns a stack, and uses the assessed level as current', () => {
    const pathway = recommendPathway(prepareOrganisation(analysts()), 'A2', AS_OF);
    // SQL 3 from sql-joins → 4 needed; stats 3 is met by the test assessment, so nothing is unclosable.
    expect(pathway.steps.map((step) => [step.credentialId, step.skillsClosed, step.weightedGapClosed])).toEqual([
      ['viz-charts', ['viz'], 6],
      ['data-analytics', ['sql'], 3],
    ]);
    expect(pathway.unclosable).toEqual([]);
    expect(pathway.stackProgress[0]?.sentence).toBe('2 of 3 components held: one more earns the Data Analytics certificate');
  });

  it('breaks a price tie by the interests of the employee and names skills from the skills list', () => {
    const org = analysts({
      roles: [{ id: 'analyst', name: 'Data Analyst', requirements: [{ skill: 'viz', level: 3, weight: 'important' }, { skill: 'python', level: 4, weight: 'critical' }] }],
    });
    expect(recommendPathway(prepareOrganisation(org), 'A3', AS_OF).steps.map((step) => step.credentialId)).toEqual(['viz-charts']);
    const curious = prepareOrganisation({ ...org, interests: [{ employee: 'A3', skill: 'python' }] });
    const pathway = recommendPathway(curious, 'A3', AS_OF);
    expect(pathway.steps.map((step) => step.credentialId)).toEqual(['viz-powerbi']);
    expect(pathway.unclosable[0]?.message).toBe('no credential in the catalog grants Python at level 4');
  });

  it('recommends retaking a credential whose award has expired', () => {
    const pathway = recommendPathway(prepareOrganisation(analysts()), 'A3', '2027-07-01');
    // sql-adv (24 months from 2025-06-01) lapsed on 2027-06-01: the cheapest SQL 4 is the stack again.
    expect(pathway.steps.map((step) => step.credentialId)).toEqual(['sql-basics', 'sql-joins', 'viz-charts', 'data-analytics']);
    expect(pathway.totalCost).toBe(450);
  });

  it('minimises hours with objective hours', () => {
    const org = analysts({
      credentials: [...CATALOG, { id: 'sql-sprint', name: 'SQL Sprint', issuer: 'Bootcamp', grants: [{ skill: 'sql', level: 4 }], cost: 900, hours: 6 }],
    });
    const pathway = recommendPathway(prepareOrganisation(org), 'A1', AS_OF, 'hours');
    expect(pathway.objective).toBe('hours');
    expect(pathway.steps.map((step) => step.credentialId)).toEqual(['sql-sprint', 'viz-charts']);
    expect(pathway.totalHours).toBe(18);
  });

  it('credits nested stacks from the inside out and names the outermost stack a course completes', () => {
    const org = analysts({
      skills: [],
      credentials: [
        { id: 'sql-adv', name: 'Advanced SQL', issuer: 'DataCamp', grants: [{ skill: 'sql', level: 4 }], cost: 400, hours: 30 },
        { id: 'py-cert', name: 'Python Practitioner', issuer: 'PSF Academy', grants: [{ skill: 'python', level: 3 }], cost: 300, hours: 40 },
        { id: 'gdpr-basic', name: 'GDPR Essentials', issuer: 'IAPP', grants: [{ skill: 'gdpr', level: 2 }], cost: 50, hours: 4 },
        { id: 'data-eng', name: 'Data Engineer Certificate', issuer: 'DataCamp', grants: [{ skill: 'python', level: 4 }], components: ['sql-adv', 'py-cert'] },
        { id: 'data-lead', name: 'Data Lead Certificate', issuer: 'DataCamp', grants: [{ skill: 'gdpr', level: 3 }], components: ['data-eng', 'gdpr-basic'] },
      ],
      roles: [
        {
          id: 'analyst',
          name: 'Data Engineer',
          requirements: [
            { skill: 'sql', level: 4, weight: 'critical' },
            { skill: 'python', level: 4, weight: 'important' },
            { skill: 'gdpr', level: 3, weight: 'nice-to-have' },
          ],
        },
      ],
      awards: [{ employee: 'A1', credential: 'sql-adv', issuedOn: '2025-01-10', verification: 'verified' }],
      assessments: [],
    });
    const pathway = recommendPathway(prepareOrganisation(org), 'A1', AS_OF);
    // Python 0 → 4 (important: 8) only through data-eng; GDPR 0 → 3 (nice: 3) only through data-lead.
    expect(pathway.steps.map((step) => [step.credentialId, step.skillsClosed, step.weightedGapClosed, step.completesStack ?? step.needs])).toEqual([
      ['gdpr-basic', [], 0, 'data-lead'],
      ['py-cert', [], 0, 'data-lead'],
      ['data-eng', ['python'], 8, ['py-cert']],
      ['data-lead', ['gdpr'], 3, ['gdpr-basic', 'py-cert']],
    ]);
    expect(pathway.totalCost).toBe(350);
    expect(pathway.totalHours).toBe(44);
    expect(pathway.stackProgress.map((progress) => progress.sentence)).toEqual([
      '1 of 2 components held: one more earns the Data Engineer Certificate',
      '0 of 2 components held: 2 more earn the Data Lead Certificate',
    ]);
  });

  it('returns an empty pathway for an unknown employee', () => {
    const pathway = recommendPathway(prepareOrganisation(analysts()), 'nobody', AS_OF);
    expect(pathway).toEqual({ employeeId: 'nobody', objective: 'cost', steps: [], totalCost: 0, totalHours: 0, weightedGapClosed: 0, unclosable: [], stackProgress: [] });
  });
});

describe('recommendationRows', () => {
  it('writes one row per step sorted by employee id then credential id', () => {
    const eo = prepareOrganisation(analysts());
    const rows = recommendationRows([recommendPathway(eo, 'A2', AS_OF), recommendPathway(eo, 'A1', AS_OF)]);
    expect(rows.map((row) => [row.employee_id, row.credential_id])).toEqual([
      ['A1', 'data-analytics'],
      ['A1', 'sql-joins'],
      ['A1', 'viz-charts'],
      ['A2', 'data-analytics'],
      ['A2', 'viz-charts'],
    ]);
    expect(rows[2]).toEqual({
      employee_id: 'A1',
      credential_id: 'viz-charts',
      credential_name: 'Charts that Work',
      cost: 200,
      hours: 12,
      skills_closed: ['viz'],
      weighted_gap_closed: 6,
    });
  });

  it('gives one pathway its rows in step order (courses, then earned stacks), for sorting later', () => {
    const eo = prepareOrganisation(analysts());
    const rows = pathwayRows(recommendPathway(eo, 'A1', AS_OF));
    expect(rows.map((row) => row.credential_id)).toEqual(['sql-joins', 'viz-charts', 'data-analytics']);
    expect(sortRecommendationRows([...pathwayRows(recommendPathway(eo, 'A2', AS_OF)), ...rows]).map((row) => `${row.employee_id} ${row.credential_id}`)).toEqual([
      'A1 data-analytics', 'A1 sql-joins', 'A1 viz-charts', 'A2 data-analytics', 'A2 viz-charts',
    ]);
  });
});
