import { describe, expect, it } from 'vitest';
import { orgGridView, teamGridView } from './heatmapModel';
import type { TeamHeatmap } from '../../api/contract';
import type { OrgHeatmapGrid } from '../../api/heatmapCells';

const org: OrgHeatmapGrid = {
  asOf: '2026-11-25',
  teams: { names: ['Payments', 'Data Platform'], members: [4, 5], readiness: [0.9, 0.5] },
  skills: [
    { id: 'sql', name: 'SQL', category: 'data' },
    { id: 'aws', name: 'AWS', category: 'cloud' },
  ],
  // Payments: SQL 1.0 (2 people), AWS not required; Data Platform: SQL 0.25 (4), AWS 0.5 (2).
  // Coverage in ten-thousandths, 65535 = not required (src/api/heatmapCells.ts).
  coverage: new Uint16Array([10000, 65535, 2500, 5000]),
  required: new Uint8Array([2, 0, 4, 2]),
};

const team: TeamHeatmap = {
  asOf: '2026-11-25',
  team: 'Data Platform',
  employees: [
    { id: 'e1', name: 'Zoe Adams', role: 'de', roleName: 'Data Engineer' },
    { id: 'e2', name: 'Amir Khan', role: 'an', roleName: 'Analyst' },
  ],
  skills: [
    { id: 'sql', name: 'SQL', category: 'data', weight: 'critical' },
    { id: 'comm', name: 'Communication', category: 'soft', weight: 'nice-to-have' },
  ],
  // Zoe: SQL 2 of 4 (gap 2), Communication 3 of 3; Amir: SQL 3 of 3, Communication 1 of 2 (gap 1)
  required: [4, 3, 3, 2],
  effective: [2, 3, 3, 1],
  verified: [2, 0, 3, 1],
  assessed: [0, 3, 0, 0],
  gap: [2, 0, 0, 1],
};

describe('the organisation heatmap view', () => {
  it('sorts teams and skills by name by default', () => {
    expect(orgGridView(org, {})).toEqual({ rows: [1, 0], columns: [1, 0] });
  });

  it('keeps only the skills of the chosen category', () => {
    expect(orgGridView(org, { category: 'data' }).columns).toEqual([0]);
  });

  it('puts the team and the skill with the most people short first when sorted by gap', () => {
    // Data Platform is short of 3 on SQL and 1 on AWS; Payments of none. SQL: 3 short, AWS: 1.
    expect(orgGridView(org, { sort: 'gap' })).toEqual({ rows: [1, 0], columns: [0, 1] });
  });

  it('puts the lowest coverage first when sorted by coverage', () => {
    // Teams: Data Platform mean 0.375, Payments 1. Skills: SQL mean 0.625, AWS 0.5.
    expect(orgGridView(org, { sort: 'coverage' })).toEqual({ rows: [1, 0], columns: [1, 0] });
  });
});

describe('the team heatmap view', () => {
  it('filters skills by weight and people by role', () => {
    expect(teamGridView(team, { weight: 'critical' }).columns).toEqual([0]);
    expect(teamGridView(team, { role: 'an' }).rows).toEqual([1]);
  });

  it('puts the person and skill with the largest gap first when sorted by gap', () => {
    expect(teamGridView(team, { sort: 'gap' })).toEqual({ rows: [0, 1], columns: [0, 1] });
  });

  it('sorts people by name by default', () => {
    expect(teamGridView(team, {}).rows).toEqual([1, 0]);
  });
});
