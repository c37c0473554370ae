// Issue 6 target: the cohorts of a 2,000-person team in under 1 s. Measures the domain call and the
// whole /api request (msw/node, the same handlers as the browser), 5 runs each, and writes the
// figures between the cohorts-bench markers of docs/benchmarks.md.
// Run: node --import tsx tests/bench/cohorts.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { generateOrganisation } from '../../src/domain/demo/generate';
import { prepareOrganisation } from '../../src/domain/engine';
import { teamCohorts } from '../../src/domain/recommend/cohorts';
import type { Organisation } from '../../src/domain/schema';
import { createTestApi } from '../support/testApi';

const AS_OF = '2026-06-30';
const TEAM = 'Platform Engineering';
const RUNS = 5;

/** 2,000 people of a generated organisation gathered into one team (their roles require ~200 skills). */
function bigTeam(): Organisation {
  const org = generateOrganisation({ employees: 2000, teams: 40, roles: 80, skills: 200, seed: 11, asOf: AS_OF });
  return { ...org, employees: org.employees.map((employee) => ({ ...employee, team: TEAM, manager: undefined })) };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

async function main() {
  const organisation = bigTeam();
  const eo = prepareOrganisation(organisation);
  const domainRuns: number[] = [];
  let cohortCount = 0;
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now();
    cohortCount = teamCohorts(eo, TEAM, AS_OF).length;
    domainRuns.push(performance.now() - start);
  }

  // The whole request through the handlers; `location` lets msw/node resolve the relative URL.
  Object.assign(globalThis, { location: new URL('http://localhost/') });
  const api = createTestApi({ today: AS_OF, organisation });
  api.server.listen({ onUnhandledRequest: 'error' });
  await fetch('http://localhost/api/session'); // load and prepare once, as a running app has
  const apiRuns: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now();
    const response = await fetch(`http://localhost/api/teams/${encodeURIComponent(TEAM)}/cohorts?asOf=${AS_OF}`);
    await response.json();
    apiRuns.push(performance.now() - start);
  }
  const budgetRuns: number[] = [];
  for (let run = 0; run < 3; run++) {
    const start = performance.now();
    await (await fetch(`http://localhost/api/teams/${encodeURIComponent(TEAM)}/budget?asOf=${AS_OF}&budget=50000`)).json();
    budgetRuns.push(performance.now() - start);
  }
  api.server.close();

  const fmt = (values: number[]) => `${Math.round(median(values))} ms (${values.map((value) => Math.round(value)).join(', ')})`;
  const block = `<!-- cohorts-bench:start -->
## Cohorts of a 2,000-person team (issue 6)

\`node --import tsx tests/bench/cohorts.ts\` on ${new Date().toISOString().slice(0, 10)}: 2,000 people in one team, 80 roles, 200 skills, as of ${AS_OF}; ${cohortCount} cohorts. Node ${process.version}, median (runs).

| what | median (runs) | target | |
| --- | --- | --- | --- |
| \`teamCohorts\` (every member's exact optimal pathway, grouped) | ${fmt(domainRuns)} | < 1 s | ${median(domainRuns) < 1000 ? 'met' : '**not met**'} |
| \`GET /api/teams/:team/cohorts\` through the msw handlers, JSON included | ${fmt(apiRuns)} | < 1 s | ${median(apiRuns) < 1000 ? 'met' : '**not met**'} |
| \`GET /api/teams/:team/budget?budget=50000\` (budget plan) | ${fmt(budgetRuns)} | — | |
<!-- cohorts-bench:end -->`;
  console.log(block);
  const docs = readFileSync('docs/benchmarks.md', 'utf8');
  const marked = /<!-- cohorts-bench:start -->[\s\S]*?<!-- cohorts-bench:end -->/;
  writeFileSync('docs/benchmarks.md', marked.test(docs) ? docs.replace(marked, block) : `${docs.trimEnd()}\n\n${block}\n`);
}

await main();
