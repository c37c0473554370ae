import { describe, expect, it } from 'vitest';
import { coverageShare, decodeCounts, decodeCoverage, decodeOrgHeatmap, decodeRequiredCoverage, encodeCounts, encodeCoverage, encodeRequiredCoverage, NOT_REQUIRED_CELL } from './heatmapCells';
import { orgHeatmapSchema, type OrgHeatmap } from './contract';

// Expected strings computed independently (Python: base64.b64encode(struct.pack('<6H', …))).
describe('the org heatmap cell encoding', () => {
  it('sends coverage as little-endian ten-thousandths, 65535 for not required', () => {
    // 0, 1, null, 0.6667, 0.0001, 0.9999 → 0, 10000, 65535, 6667, 1, 9999
    expect(encodeCoverage([0, 1, null, 0.6667, 0.0001, 0.9999])).toBe('AAAQJ///CxoBAA8n');
    expect([...decodeCoverage('AAAQJ///CxoBAA8n')]).toEqual([0, 10000, NOT_REQUIRED_CELL, 6667, 1, 9999]);
  });

  it('gives back the very shares the reports print, null where nothing is required', () => {
    const shares = [0, 1, null, 0.6667, 0.3333, 0.0001, 0.9999, 0.5, null, 0.1429];
    const cells = decodeCoverage(encodeCoverage(shares));
    expect(Array.from(cells, coverageShare)).toEqual(shares);
  });

  it('refuses a coverage that is not a share', () => {
    expect(() => encodeCoverage([1.5])).toThrow(RangeError);
    expect(() => encodeCoverage([-0.1])).toThrow(RangeError);
  });

  it('sends counts in the narrowest width that holds the largest', () => {
    expect(encodeCounts([0, 3, 255])).toEqual({ bytes: 1, base64: 'AAP/' });
    expect(encodeCounts([0, 256])).toEqual({ bytes: 2, base64: 'AAAAAQ==' });
    expect(encodeCounts([70000, 1])).toEqual({ bytes: 4, base64: 'cBEBAAEAAAA=' });
    expect([...decodeCounts('AAP/', 1)]).toEqual([0, 3, 255]);
    expect([...decodeCounts('AAAAAQ==', 2)]).toEqual([0, 256]);
    expect([...decodeCounts('cBEBAAEAAAA=', 4)]).toEqual([70000, 1]);
    expect(() => encodeCounts([2.5])).toThrow(RangeError);
  });

  it('sends coverage only for the cells someone requires, and rebuilds the grid from the counts', () => {
    // Required 2, 0, 4, 2 → shares of cells 0, 2 and 3 only: 1, 0.25, 0.5 → 10000, 2500, 5000.
    expect(encodeRequiredCoverage([1, null, 0.25, 0.5], [2, 0, 4, 2])).toBe('ECfECYgT');
    const cells = decodeRequiredCoverage('ECfECYgT', new Uint8Array([2, 0, 4, 2]));
    expect([...cells]).toEqual([10000, NOT_REQUIRED_CELL, 2500, 5000]);
    expect(Array.from(cells, coverageShare)).toEqual([1, null, 0.25, 0.5]);
  });

  it('refuses coverage where nothing is required, none where something is, or too few or many shares', () => {
    expect(() => encodeRequiredCoverage([1, 0.5], [2, 0])).toThrow(/Cell 1/);
    expect(() => encodeRequiredCoverage([null], [3])).toThrow(/Cell 0/);
    // Two shares sent (10000, 2500) for three required cells, and for one.
    expect(() => decodeRequiredCoverage('ECfECQ==', new Uint8Array([1, 1, 1]))).toThrow(/2 coverage cells/);
    expect(() => decodeRequiredCoverage('ECfECQ==', new Uint8Array([1, 0, 0]))).toThrow(/2 coverage cells for 1 required/);
  });

  it('round-trips empty grids', () => {
    expect(encodeCoverage([])).toBe('');
    expect(decodeCoverage('')).toHaveLength(0);
    expect(encodeCounts([])).toEqual({ bytes: 1, base64: '' });
  });
});

describe('the org heatmap response', () => {
  // Payments: SQL 1.0 (2 people), AWS not required; Data Platform: SQL 0.25 (4), AWS 0.5 (2).
  const response: OrgHeatmap = {
    asOf: '2026-11-25',
    teams: { names: ['Payments', 'Data Platform'], members: [4, 5], readiness: [0.9, 0.5] },
    skills: [
      { id: 'sql', name: 'SQL', category: 'data' },
      { id: 'aws', name: 'AWS', category: 'cloud' },
    ],
    // Coverage of the required cells only (1, 0.25, 0.5); required 2, 0, 4, 2.
    coverage: 'ECfECYgT',
    required: 'AgAEAg==',
    requiredBytes: 1,
  };

  it('passes the contract and decodes to the cells, row-major', () => {
    const grid = decodeOrgHeatmap(orgHeatmapSchema.parse(response));
    expect(Array.from(grid.coverage, coverageShare)).toEqual([1, null, 0.25, 0.5]);
    expect([...grid.required]).toEqual([2, 0, 4, 2]);
    expect(grid.baselineCoverage).toBeUndefined();
  });

  it('decodes the stored coverage under a what-if draft, every cell', () => {
    // 0, 0.6667, not required, 1
    const grid = decodeOrgHeatmap({ ...response, baselineCoverage: 'AAALGv//ECc=', teams: { ...response.teams, baselineReadiness: [1, 0.4] } });
    expect(Array.from(grid.baselineCoverage ?? [], coverageShare)).toEqual([0, 0.6667, null, 1]);
  });

  it('refuses grids that do not match the teams and skills, or that are not base64', () => {
    expect(() => decodeOrgHeatmap({ ...response, required: 'AgAE' })).toThrow(/3 required cells for 2 teams × 2 skills/);
    expect(() => decodeOrgHeatmap({ ...response, baselineCoverage: encodeCoverage([1, null, 0.25]) })).toThrow(/3 stored coverage cells/);
    expect(() => decodeOrgHeatmap({ ...response, teams: { ...response.teams, readiness: [0.9] } })).toThrow(/1 team readiness/);
    expect(() => decodeOrgHeatmap({ ...response, coverage: 'not base64!' })).toThrow();
    expect(orgHeatmapSchema.safeParse({ ...response, requiredBytes: 3 }).success).toBe(false);
  });

  it('refuses team columns that are not names and finite figures', () => {
    const teams = (patch: Partial<OrgHeatmap['teams']>) => orgHeatmapSchema.safeParse({ ...response, teams: { ...response.teams, ...patch } }).success;
    expect(teams({})).toBe(true);
    expect(teams({ names: ['Payments', 7 as unknown as string] })).toBe(false);
    expect(teams({ members: [4, Number.NaN] })).toBe(false);
    expect(teams({ readiness: [0.9, null as unknown as number] })).toBe(false);
    expect(teams({ baselineReadiness: [1, '0.4' as unknown as number] })).toBe(false);
    expect(teams({ names: 'Payments' as unknown as string[] })).toBe(false);
  });
});
