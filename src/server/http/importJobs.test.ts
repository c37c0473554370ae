// The wizard's import as API calls, over real HTTP with each store: files uploaded as bytes,
// read and checked on the backend, committed in one transaction or cancelled; on PostgreSQL a job
// received by one process is committed by another.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Persona } from '../../api/contract';
import { fileSummarySchema, importJobSchema, jobCommitResponseSchema, planSummarySchema } from '../../api/importContract';
import { emptyOrganisation } from '../../domain/records';
import { startTestServer, TEST_STORES, type TestServer } from '../../../tests/support/testServer';
import { TEST_DATABASE_URL } from '../../../tests/support/testDatabase';

const TODAY = '2026-11-25';
const HR = join(import.meta.dirname, '../../../tests/fixtures/hr-export');
const HR_FILES = ['skills.csv', 'roles.csv', 'catalog.csv', 'employees.csv', 'skills-matrix.txt', 'awards.csv'];
const LND: Persona = { kind: 'lnd' };

async function call(server: TestServer, method: string, path: string, body?: BodyInit, persona: Persona = LND, contentType = 'application/json') {
  return server.fetch(path, { method, body, headers: { ...(await server.authHeaders(persona)), 'content-type': contentType } });
}

async function upload(server: TestServer, job: string, fileName: string, bytes: Uint8Array | string) {
  return call(server, 'POST', `/api/import-jobs/${job}/files?name=${encodeURIComponent(fileName)}`, bytes as BodyInit, LND, 'application/octet-stream');
}

async function newJob(server: TestServer): Promise<string> {
  const response = await call(server, 'POST', '/api/import-jobs');
  expect(response.status).toBe(201);
  return importJobSchema.parse(await response.json()).id;
}

for (const kind of TEST_STORES) {
  describe(`an import job over HTTP, stored in ${kind}`, () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer(kind, { today: TODAY, label: 'jobs' });
    }, 60_000);
    afterAll(() => server.close());

    it('starts empty: the first-run screen is offered', async () => {
      const session = (await (await call(server, 'GET', '/api/session')).json()) as { firstRun: boolean; host: string; counts: { employees: number } };
      expect(session).toMatchObject({ firstRun: true, host: 'server', counts: { employees: 0 } });
    });

    it('reads uploaded HR files on the backend, asks for the ambiguous date order, and commits the import in one change', async () => {
      const job = await newJob(server);
      const summaries = [];
      for (const name of HR_FILES) {
        const response = await upload(server, job, name, new Uint8Array(readFileSync(join(HR, name))));
        expect(response.status).toBe(201);
        summaries.push(fileSummarySchema.parse(await response.json()));
      }
      // Detected from the headers, as the fixture's author labelled them.
      expect(summaries.map((file) => file.kind)).toEqual(['skills', 'roles', 'catalog', 'employees', 'assessments', 'awards']);
      const awards = summaries[5]!;
      expect(awards.pending).toEqual([expect.objectContaining({ type: 'date-order', column: 'Valid Until' })]);
      const refused = planSummarySchema.parse(await (await call(server, 'POST', `/api/import-jobs/${job}/check`, JSON.stringify({ mode: 'replace' }))).json());
      expect(refused.refusal).not.toBeNull();

      const configured = await call(server, 'PATCH', `/api/import-jobs/${job}/files/${awards.id}`, JSON.stringify({ options: { dateOrderByColumn: { 'Valid Until': 'DMY' } } }));
      expect(fileSummarySchema.parse(await configured.json()).pending).toEqual([]);
      const plan = planSummarySchema.parse(await (await call(server, 'POST', `/api/import-jobs/${job}/check`, JSON.stringify({ mode: 'replace' }))).json());
      expect(plan.errors).toBe(0);
      expect(plan.refusal).toBeNull();
      // employees.csv lists 8 people.
      expect(plan.counts.employees).toEqual({ before: 0, after: 8 });

      const committed = await call(server, 'POST', `/api/import-jobs/${job}/commit`, JSON.stringify({ mode: 'replace', validRowsOnly: false }));
      expect(committed.status).toBe(200);
      const result = jobCommitResponseSchema.parse(await committed.json());
      expect(result.entry.files.map((file) => file.fileName)).toEqual(HR_FILES);
      expect((await server.access.audit.list({ action: 'import' }))[0]).toMatchObject({ detail: { entry: result.entry.id, files: HR_FILES, counts: { employees: { before: 0, after: 8 } }, role: 'admin' } });
      const session = (await (await call(server, 'GET', '/api/session')).json()) as { firstRun: boolean; counts: { employees: number } };
      expect(session).toMatchObject({ firstRun: false, counts: { employees: 8 } });
      // The job ends with its commit.
      expect((await call(server, 'GET', `/api/import-jobs/${job}`)).status).toBe(404);
      // Names with accents and apostrophes (Siobhán O'Neill) arrive intact in the export.
      const csv = await (await call(server, 'GET', '/api/reports/gaps?format=long')).text();
      expect(csv).toContain("Siobhán O'Neill");
    });

    it('a cancelled job stores nothing and is gone', async () => {
      const before = (await (await call(server, 'GET', '/api/imports')).json()) as { entries: unknown[] };
      const job = await newJob(server);
      await upload(server, job, 'employees.csv', 'employee_id,name,team,role\nX1,Someone,Data,analyst\n');
      expect((await call(server, 'DELETE', `/api/import-jobs/${job}`)).status).toBe(200);
      expect((await call(server, 'POST', `/api/import-jobs/${job}/commit`, JSON.stringify({ mode: 'replace' }))).status).toBe(404);
      const after = (await (await call(server, 'GET', '/api/imports')).json()) as { entries: unknown[] };
      expect(after.entries).toHaveLength(before.entries.length);
    });

    it('is for the L&D manager only: HR and managers are refused, and another caller cannot see a job', async () => {
      expect((await call(server, 'POST', '/api/import-jobs', undefined, { kind: 'hr' })).status).toBe(403);
      expect((await call(server, 'POST', '/api/import-jobs', undefined, { kind: 'manager', team: 'Inbound' })).status).toBe(403);
      const job = await newJob(server);
      expect((await call(server, 'GET', `/api/import-jobs/${job}`, undefined, { kind: 'hr' })).status).toBe(403);
      expect((await call(server, 'GET', '/api/import-jobs/job-that-does-not-exist')).status).toBe(404);
    });

    it("stores ids and names with quotes, SQL, markup and emoji intact, and exports them as they were", async () => {
      const tricky = [
        { id: `Q'1`, name: `O'Brien "the quote"` },
        { id: `'; drop table awards; --`, name: `Robert'); DROP TABLE employees;--` },
        { id: '<b>id</b>', name: '<script>alert(1)</script>' },
        { id: 'E🙂', name: 'Zoë 🚀 Ørsted' },
      ];
      const quote = (value: string) => `"${value.replace(/"/g, '""')}"`;
      const files = {
        'skills.csv': 'skill_id,name,category\nsql,SQL,data\n',
        'roles.csv': 'role,skill,level,weight\nanalyst,sql,3,critical\n',
        'catalog.csv': 'credential_id,name,issuer,skill,level\nsql-3,SQL Practitioner,Academy,sql,3\n',
        'employees.csv': `employee_id,name,team,role\n${tricky.map((person) => `${quote(person.id)},${quote(person.name)},${quote('Team <i>&</i> "Ops"')},analyst`).join('\n')}\n`,
      };
      const job = await newJob(server);
      for (const [name, text] of Object.entries(files)) expect((await upload(server, job, name, text)).status).toBe(201);
      const committed = await call(server, 'POST', `/api/import-jobs/${job}/commit`, JSON.stringify({ mode: 'replace' }));
      expect(committed.status).toBe(200);
      const employees = (await (await call(server, 'GET', '/api/employees')).json()) as { employees: { id: string; name: string; team: string }[] };
      for (const person of tricky) expect(employees.employees).toContainEqual(expect.objectContaining({ id: person.id, name: person.name, team: 'Team <i>&</i> "Ops"' }));
      const detail = await call(server, 'GET', `/api/employees/${encodeURIComponent(tricky[1]!.id)}`);
      expect(detail.status).toBe(200);
      const csv = await (await call(server, 'GET', '/api/reports/gaps?format=long')).text();
      // In the CSV, each value as RFC 4180 writes it (a leading "=" or "@" would be neutralised; these have none).
      for (const person of tricky) expect(csv).toContain(`${/[",]/.test(person.id) ? quote(person.id) : person.id},${/[",]/.test(person.name) ? quote(person.name) : person.name}`);
    });
  });
}

describe.skipIf(!TEST_DATABASE_URL)('an import job on PostgreSQL', () => {
  it('is received by one process and committed by another', async () => {
    const first = await startTestServer('postgres', { today: TODAY, organisation: emptyOrganisation(), label: 'jobs2' });
    const { connectPostgres } = await import('../store/sql/postgresDatabase');
    const { postgresStore } = await import('../store/postgresStore');
    const { createOrganisationState } = await import('../state/organisationState');
    const { createNodeApp, listen } = await import('../hosts/node/serve');
    const db = await connectPostgres(first.databaseUrl!);
    const secondState = createOrganisationState(postgresStore(db), () => TODAY, { whenEmpty: 'stay-empty' });
    const second = await listen(createNodeApp({ state: secondState, database: { db, description: 'second', close: async () => undefined } }), { port: 0, host: '127.0.0.1' });
    try {
      const job = await newJob(first);
      expect((await upload(first, job, 'skills.csv', 'skill_id,name,category\nsql,SQL,data\n')).status).toBe(201);
      const viaSecond = await fetch(`${second.url}/api/import-jobs/${job}/commit`, {
        method: 'POST', body: JSON.stringify({ mode: 'replace' }), headers: { ...(await first.authHeaders(LND)), 'content-type': 'application/json' },
      });
      expect(viaSecond.status).toBe(200);
      const catalog = (await (await call(first, 'GET', '/api/catalog')).json()) as { skills: { id: string }[] };
      expect(catalog.skills.map((skill) => skill.id)).toEqual(['sql']);
    } finally {
      await second.close();
      await db.close();
      await first.close();
    }
  }, 60_000);
});
