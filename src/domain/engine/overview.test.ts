import { describe, it, expect } from 'vitest';
import { overviewFigures } from './overview';
import { prepareOrganisation } from './prepare';
import { goal, twoTeams } from './testFixtures';

describe('overview figures: readiness, forecast, risks and goals', () => {
  const eo = prepareOrganisation(
    twoTeams({
      goals: [
        goal('g1', 'D1', 'sql-adv', '2025-01-01', '2025-12-31'), // held since 2024-05-01: completed
        goal('g2', 'D2', 'sql-adv', '2026-01-05', '2026-02-15'), // overdue
        goal('g3', 'S1', 'gdpr-basic', '2026-02-01', '2026-06-30'), // open
        goal('g4', 'S9', 'gdpr-basic', '2025-01-01', '2025-06-30', 'cancelled'),
      ],
    }),
  );
  const figures = overviewFigures(eo, '2026-03-01');

  it('counts people and teams, and pools readiness now and at the forecast date', () => {
    expect(figures).toMatchObject({ employees: 4, teams: 2, forecastDate: '2026-05-30' });
    // now: D1 18 + D2 12 + S9 8 + S1 0 over 20 + 20 + 14 + 14
    expect(figures.readiness).toBeCloseTo(38 / 68, 12);
    // D2's GDPR lapses after 2026-04-01 with no renewal: D2 drops from 12 to 10
    expect(figures.forecastReadiness).toBeCloseTo(36 / 68, 12);
  });

  it('counts unmet critical requirements and single points of failure', () => {
    // D2 SQL, S9 GDPR, S1 GDPR; SPOF: GDPR in Data Platform (bench D2) and in Support (bench 0)
    expect(figures.criticalGaps).toBe(3);
    expect(figures.singlePointsOfFailure).toBe(2);
  });

  it('counts awards expiring within the horizon', () => {
    expect(figures.expiringCount).toBe(1);
    expect(overviewFigures(eo, '2026-03-01', undefined, 30).expiringCount).toBe(0);
  });

  it('summarises goals, leaving cancelled ones out of the completion rate', () => {
    expect(figures.goals).toEqual({ total: 4, completed: 1, overdue: 1, open: 2, completionRate: 1 / 3 });
  });

  it('ranks the top gaps by weighted gap', () => {
    // GDPR: D1 2·1 + S9 2·3 + S1 2·3 = 14; SQL: D2 2·3 + S1 2·1 = 8; comms: S1 3·2; Python: D2 1·2
    expect(figures.topGaps).toEqual([
      { skill: 'gdpr', skillName: 'GDPR compliance', weightedGap: 14, peopleWithGap: 3 },
      { skill: 'sql', skillName: 'SQL', weightedGap: 8, peopleWithGap: 2 },
      { skill: 'comms', skillName: 'Customer communication', weightedGap: 6, peopleWithGap: 1 },
      { skill: 'python', skillName: 'Python', weightedGap: 2, peopleWithGap: 1 },
    ]);
  });

  it('follows the scope', () => {
    const support = overviewFigures(eo, '2026-03-01', { teams: ['Support'] });
    expect(support).toMatchObject({ employees: 1, teams: 1, readiness: 0, criticalGaps: 1, singlePointsOfFailure: 1, expiringCount: 0 });
    expect(support.goals).toEqual({ total: 1, completed: 0, overdue: 0, open: 1, completionRate: 0 });
  });

  it('has no completion rate when every goal is cancelled', () => {
    expect(overviewFigures(eo, '2026-03-01', { teams: ['Data Platform'], roles: ['support-agent'] }).goals.completionRate).toBeNull();
  });
});
