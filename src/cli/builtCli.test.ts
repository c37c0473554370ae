// The compiled CLI (scripts/build-cli.mjs, what `npm run serve` runs) answers exactly as the
// TypeScript one: the hand-computed reports of the CLI fixtures, the awards read on its worker thread.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
const FIXTURES = 'tests/fixtures/cli';
const DATA = ['employees', 'roles', 'catalog', 'awards', 'skills', 'assessments'].flatMap((kind) => [`--${kind}`, `${FIXTURES}/${kind}.csv`]);
const lines = (text: string) => text.replace(/\r\n/g, '\n').replace(/\n$/, '').split('\n');

describe('the compiled CLI', () => {
  // Inside the repository, as build/cli is: the packages are found in its node_modules.
  const built = join(ROOT, 'build', `cli-test-${process.pid}`);
  beforeAll(() => {
    const build = spawnSync(process.execPath, ['scripts/build-cli.mjs', built], { cwd: ROOT, encoding: 'utf8' });
    expect(build.stderr).toBe('');
    expect(build.status).toBe(0);
  }, 60_000);
  afterAll(() => rmSync(built, { recursive: true, force: true }));

  it.each([
    ['long', 'expected-report-long.csv'],
    ['team', 'expected-report-team.csv'],
  ])('prints the %s report computed by hand', (format, expected) => {
    const run = spawnSync(process.execPath, [join(built, 'gapmap.js'), 'report', ...DATA, '--as-of', '2026-03-31', '--format', format], { cwd: ROOT, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(lines(run.stdout)).toEqual(lines(readFileSync(join(ROOT, FIXTURES, expected), 'utf8')));
  });
});
