// @vitest-environment jsdom
// The app's gap report export and `gapmap report` agree byte for byte on the same data and date.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestApi } from '../../../tests/support/testApi';
import { demoOrganisation } from '../../domain/demo/generate';
import { organisationCsvFiles } from '../../domain/csv';

const TODAY = '2026-11-25';
const AS_OF = '2026-09-30';
const organisation = demoOrganisation(TODAY);
const api = createTestApi({ today: TODAY, organisation });
const folder = mkdtempSync(join(tmpdir(), 'gapmap-export-'));

beforeAll(() => {
  api.server.listen({ onUnhandledRequest: 'error' });
  const files = organisationCsvFiles(organisation);
  writeFileSync(join(folder, 'employees.csv'), files.employees);
  writeFileSync(join(folder, 'roles.csv'), files.roles);
  writeFileSync(join(folder, 'catalog.csv'), files.catalog);
  writeFileSync(join(folder, 'awards.csv'), files.awards);
  writeFileSync(join(folder, 'skills.csv'), files.skills);
  writeFileSync(join(folder, 'assessments.csv'), files.assessments);
});
afterAll(() => {
  api.server.close();
  rmSync(folder, { recursive: true, force: true });
});

function cliReport(format: 'long' | 'team', extra: string[] = []): string {
  const out = join(folder, `cli-${format}.csv`);
  const data = ['employees', 'roles', 'catalog', 'awards', 'skills', 'assessments'].flatMap((kind) => [`--${kind}`, join(folder, `${kind}.csv`)]);
  execFileSync('node', ['bin/gapmap.js', 'report', ...data, '--as-of', AS_OF, '--format', format, '--out', out, ...extra], { stdio: 'pipe' });
  return readFileSync(out, 'utf8');
}

describe('the exported gap report', () => {
  it('is byte for byte what gapmap report writes, long and team', async () => {
    for (const format of ['long', 'team'] as const) {
      const exported = await (await fetch(`/api/reports/gaps?format=${format}&asOf=${AS_OF}`)).text();
      expect(exported.length).toBeGreaterThan(1000);
      expect(exported).toBe(cliReport(format));
    }
  });

  it('matches with the Excel options too (BOM and semicolons)', async () => {
    const response = await fetch(`/api/reports/gaps?format=team&asOf=${AS_OF}&bom=1&delimiter=%3B`);
    const exported = new Uint8Array(await response.arrayBuffer());
    cliReport('team', ['--bom', '--delimiter', ';']);
    const cliBytes = new Uint8Array(readFileSync(join(folder, 'cli-team.csv')));
    expect([...exported.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(Buffer.from(exported).equals(Buffer.from(cliBytes))).toBe(true);
  });
});
