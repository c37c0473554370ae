// Credly's files and Excel workbooks through the wizard's import job (issue 14): a badge template no
// catalog credential matches is asked once; the choice is remembered (the badge imports' mappings),
// so the same file then imports as awards, and so does the next one.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { Persona } from '../../api/contract';
import { fileSummarySchema, importJobSchema, jobCommitResponseSchema, planSummarySchema } from '../../api/importContract';
import type { Organisation } from '../../domain/schema';
import { startTestServer, type TestServer } from '../../../tests/support/testServer';

const TODAY = '2026-11-25';
const FIXTURES = join(import.meta.dirname, '../../../tests/fixtures/badge-platforms');
const LND: Persona = { kind: 'lnd' };
const CLOUD = 'c2b97f10-8d5e-4a6b-a3f1-5e7c9d0b4a28';

/** The people of the Credly samples, and a catalog naming two of its three templates. */
function organisation(): Organisation {
  const person = (id: string, name: string, email: string) => ({ id, name, email, team: 'Data', role: 'analyst' });
  return {
    skills: [{ id: 'sql', name: 'SQL', category: 'data' }],
    roles: [{ id: 'analyst', name: 'Analyst', requirements: [{ skill: 'sql', level: 2, weight: 'important' }] }],
    employees: [
      person('E1', 'Ana Silva', 'ana.silva@example.com'),
      person('E2', 'Ben Okoro', 'ben.okoro@example.com'),
      person('E3', 'Chen Li', 'chen.li@example.com'),
      person('E4', 'Dana Müller', 'dana.muller@example.com'),
      person('E5', "Eve O'Connor", 'eve.oconnor@example.com'),
    ],
    credentials: [
      { id: 'sql-f', name: 'SQL Fundamentals', issuer: 'Academy', grants: [{ skill: 'sql', level: 2 }] },
      { id: 'viz', name: 'Data Visualisation Practitioner', issuer: 'Academy', grants: [] },
      { id: 'cloud', name: 'Cloud Foundations', issuer: 'Academy', grants: [] },
    ],
    awards: [],
    assessments: [],
    goals: [],
    interests: [],
  };
}

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer('memory', { today: TODAY, organisation: organisation(), label: 'credly' });
}, 60_000);
afterAll(() => server.close());

async function call(method: string, path: string, body?: BodyInit, contentType = 'application/json') {
  return server.fetch(path, { method, body, headers: { ...(await server.authHeaders(LND)), 'content-type': contentType } });
}

async function jobWith(fileName: string, bytes: Uint8Array) {
  const job = importJobSchema.parse(await (await call('POST', '/api/import-jobs')).json()).id;
  const response = await call('POST', `/api/import-jobs/${job}/files?name=${encodeURIComponent(fileName)}`, bytes as BodyInit, 'application/octet-stream');
  expect(response.status).toBe(201);
  return { job, file: fileSummarySchema.parse(await response.json()) };
}

describe('Credly files in the import wizard', () => {
  it('asks once for a template nothing maps, remembers the answer, and imports the awards', async () => {
    const { job, file } = await jobWith('credly-issued-badges.json', new Uint8Array(readFileSync(join(FIXTURES, 'credly-issued-badges.json'))));
    // SQL Fundamentals and the visualisation badge match catalog names; the revoked Cloud badge is left out.
    expect(file).toMatchObject({ kind: 'awards', recordCount: 2, pending: [], errors: 0, warnings: 1 });

    const csv = await jobWith('credly-bulk-issue.csv', new Uint8Array(readFileSync(join(FIXTURES, 'credly-bulk-issue.csv'))));
    // The CSV names no template: none maps by name, so each is asked once.
    expect(csv.file.pending.map((decision) => decision.type === 'badge-template' && decision.templateId)).toEqual([
      '5f0c8a2e-3b1d-4c7a-9e21-7d4b2f6a1c90', 'a7d1e4b9-62f3-4e08-b5c4-0f9a8e2d7b13', CLOUD,
    ]);
    for (const [templateId, credentialId] of [['5f0c8a2e-3b1d-4c7a-9e21-7d4b2f6a1c90', 'sql-f'], ['a7d1e4b9-62f3-4e08-b5c4-0f9a8e2d7b13', 'viz'], [CLOUD, 'cloud']] as const) {
      const remembered = await call('PUT', '/api/badges/mappings', JSON.stringify({ achievement: { id: templateId }, credentialId }));
      expect(remembered.status).toBe(200);
    }
    const reread = fileSummarySchema.parse(await (await call('PATCH', `/api/import-jobs/${csv.job}/files/${csv.file.id}`, JSON.stringify({ options: {} }))).json());
    expect(reread).toMatchObject({ kind: 'awards', recordCount: 5, pending: [], errors: 0 });
    const plan = planSummarySchema.parse(await (await call('POST', `/api/import-jobs/${csv.job}/check`, JSON.stringify({ mode: 'merge' }))).json());
    expect(plan.refusal).toBeNull();
    const response = await call('POST', `/api/import-jobs/${csv.job}/commit`, JSON.stringify({ mode: 'merge', validRowsOnly: false }));
    expect(response.status).toBe(200);
    const committed = jobCommitResponseSchema.parse(await response.json());
    expect(committed.entry.counts).toEqual({ awards: { before: 0, after: 5 } });
    const detail = (await (await call('GET', `/api/employees/E4?asOf=${TODAY}`)).json()) as { held: { credentialId: string; issuedOn?: string }[] };
    expect(detail.held.map((held) => [held.credentialId, held.issuedOn])).toEqual([['cloud', '2025-06-30']]);
    expect(job).not.toBe(csv.job);
  });

  it('reads the sheet of a workbook the user picks, and locates its findings at their cells', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Notes').addRow(['Awards from the LMS']);
    const sheet = workbook.addWorksheet('Awards');
    sheet.addRow(['Employee ID', 'Credential ID', 'Issued On']);
    sheet.addRow(['E1', 'sql-f', new Date('2025-01-31T00:00:00Z')]);
    sheet.addRow(['E9', 'sql-f', new Date('2025-02-28T00:00:00Z')]);
    const { job, file } = await jobWith('lms.xlsx', new Uint8Array(await workbook.xlsx.writeBuffer()));
    expect(file).toMatchObject({ sheet: 'Notes', sheets: ['Notes', 'Awards'], kind: null });
    const picked = fileSummarySchema.parse(await (await call('PATCH', `/api/import-jobs/${job}/files/${file.id}`, JSON.stringify({ options: { sheet: 'Awards' } }))).json());
    expect(picked).toMatchObject({ sheet: 'Awards', kind: 'awards', recordCount: 2 });
    const plan = planSummarySchema.parse(await (await call('POST', `/api/import-jobs/${job}/check`, JSON.stringify({ mode: 'merge' }))).json());
    expect(plan.issues.filter((issue) => issue.severity === 'error').map((issue) => [issue.cell, issue.column, issue.value])).toEqual([['Awards!A3', 'Employee ID', 'E9']]);
  });
});
