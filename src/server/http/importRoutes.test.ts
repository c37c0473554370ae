// @vitest-environment jsdom
// The import endpoints over HTTP against the real handlers: a commit lands all or nothing, a file
// with errors is refused unless "valid rows only", undo restores exactly, only L&D may change data.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { setupServer } from 'msw/node';
import { decodeCsvBytes } from '../../domain/csv';
import { emptyOrganisation } from '../../domain/schema';
import { PERSONA_HEADER } from '../../api/contract';
import { commitResponseSchema, importHistorySchema, type CommitRequest } from '../../api/importContract';
import { memoryStore, type OrganisationStore } from '../store/organisationStore';
import { indexedDbStore } from '../store/indexedDbStore';
import { createApp } from './app';
import { answeredBy } from '../../../tests/support/testApi';
import { createOrganisationState, type OrganisationState } from '../state/organisationState';

const TODAY = '2026-11-25';
const fixture = (name: string) => decodeCsvBytes(new Uint8Array(readFileSync(join(import.meta.dirname, '../../../tests/fixtures/hr-export', name)))).text;
const HR_EXPORT = ['skills.csv', 'roles.csv', 'catalog.csv', 'employees.csv', 'skills-matrix.txt'].map((fileName) => ({ fileName, text: fixture(fileName) }));
const AWARDS = { fileName: 'awards.csv', text: fixture('awards.csv'), options: { dateOrderByColumn: { 'Valid Until': 'DMY' as const } } };

let state: OrganisationState;
let store: OrganisationStore;
const server = setupServer();
let databases = 0;

function post(body: CommitRequest | undefined, persona = 'lnd', path = '/api/imports') {
  return fetch(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [PERSONA_HEADER]: persona },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

async function history(persona = 'lnd') {
  return importHistorySchema.parse(await (await fetch('/api/imports', { headers: { [PERSONA_HEADER]: persona } })).json());
}

async function stored() {
  return (await store.load())?.organisation ?? emptyOrganisation();
}

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

describe.each([
  ['in memory', () => memoryStore(emptyOrganisation())],
  ['in IndexedDB', () => indexedDbStore(`import-handlers-${++databases}`)],
])('the import endpoints, stored %s', (_label, makeStore) => {
  beforeEach(() => {
    store = makeStore();
    state = createOrganisationState(store, () => TODAY, { whenEmpty: 'stay-empty' });
    server.resetHandlers(answeredBy(createApp(state)));
  });

  it('commits a real HR export (synonym headers, semicolons, BOM, a UTF-16 skills matrix) and counts it in the history', async () => {
    const response = await post({ mode: 'replace', files: [...HR_EXPORT, AWARDS] });
    expect(response.status).toBe(200);
    const body = commitResponseSchema.parse(await response.json());
    expect(body.committed).toBe(true);
    expect(body.errors).toBe(0);
    expect(body.counts).toMatchObject({ employees: { before: 0, after: 8 }, awards: { before: 0, after: 9 }, assessments: { before: 0, after: 10 }, roles: { before: 0, after: 3 } });
    const organisation = await stored();
    // 03/04/2026 read day-first, as the user decided.
    expect(organisation?.awards.find((award) => award.employee === 'H001' && award.credential === 'FLT-B')?.expiresOn).toBe('2026-04-03');
    const session = (await (await fetch('/api/session', { headers: { [PERSONA_HEADER]: 'lnd' } })).json()) as { counts: { employees: number } };
    expect(session.counts.employees).toBe(8);
    const { entries, head } = await history();
    expect(entries).toHaveLength(1);
    expect(head).toBe(entries[0]?.id);
    expect(entries[0]?.files.map((file) => file.kind)).toEqual(['skills', 'roles', 'catalog', 'employees', 'assessments', 'awards']);
  });

  it('refuses a file whose date order is undecided, and stores nothing', async () => {
    const response = await post({ mode: 'replace', files: [...HR_EXPORT, { fileName: 'awards.csv', text: fixture('awards.csv') }] });
    expect(response.status).toBe(422);
    const body = (await response.json()) as { message: string; errors: number };
    expect(body.errors).toBe(1);
    expect(body.message).toMatch(/import only the valid rows/);
    expect(await stored()).toEqual(emptyOrganisation());
    expect((await history()).entries).toEqual([]);
  });

  it('refuses a file with errors unless asked for the valid rows only, then keeps the errors in the history', async () => {
    await post({ mode: 'replace', files: [...HR_EXPORT, AWARDS] });
    const broken = { fileName: 'awards-broken.csv', text: fixture('awards-broken.csv') };
    const refused = await post({ mode: 'merge', files: [broken] });
    expect(refused.status).toBe(422);
    expect((await stored())?.awards).toHaveLength(9);

    const response = await post({ mode: 'merge', validRowsOnly: true, files: [broken] });
    expect(response.status).toBe(200);
    const body = commitResponseSchema.parse(await response.json());
    // Unknown employee H999, unknown credential NOPE-1, 30 February, expiry before issue.
    expect(body.errors).toBe(4);
    expect(body.issues.filter((issue) => issue.severity === 'error').map((issue) => issue.row).sort()).toEqual([3, 4, 5, 6]);
    expect(body.counts).toEqual({ awards: { before: 9, after: 11 } });
    expect((await history()).entries[0]).toMatchObject({ validRowsOnly: true, errors: 4, mode: 'merge' });
  });

  it('undo restores exactly the records the latest import replaced, and refuses an earlier one', async () => {
    await post({ mode: 'replace', files: [...HR_EXPORT, AWARDS] });
    const before = await stored();
    await post({ mode: 'replace', files: [{ fileName: 'awards.csv', text: 'employee_id,credential_id,issued_on\nH004,ILM-3,2025-10-01\n' }] });
    expect((await stored())?.awards).toHaveLength(1);
    const { entries } = await history();
    const [latest, first] = entries;
    const early = await post(undefined, 'lnd', `/api/imports/${first!.id}/undo`);
    expect(early.status).toBe(409);
    expect(((await early.json()) as { message: string }).message).toMatch(/not the latest change/);

    const undone = await post(undefined, 'lnd', `/api/imports/${latest!.id}/undo`);
    expect(undone.status).toBe(200);
    expect(await stored()).toEqual(before);
    const overview = (await (await fetch('/api/session', { headers: { [PERSONA_HEADER]: 'lnd' } })).json()) as { counts: { awards: number } };
    expect(overview.counts.awards).toBe(9);
    expect((await history()).head).toBe(first!.id);
  });

  it('lets only the L&D manager import or undo, and keeps the history from managers', async () => {
    expect((await post({ mode: 'replace', files: HR_EXPORT }, 'hr')).status).toBe(403);
    expect((await post(undefined, 'manager:Inbound', '/api/imports/1/undo')).status).toBe(403);
    const managerHistory = await fetch('/api/imports', { headers: { [PERSONA_HEADER]: 'manager:Inbound' } });
    expect(managerHistory.status).toBe(403);
    expect(await stored()).toEqual(emptyOrganisation());
  });

  it('answers a dry run with the problems and counts, storing nothing', async () => {
    const response = await post({ mode: 'replace', dryRun: true, files: HR_EXPORT });
    const body = commitResponseSchema.parse(await response.json());
    expect(body.committed).toBe(false);
    expect(body.counts.employees).toEqual({ before: 0, after: 8 });
    expect((await history()).entries).toEqual([]);
  });
});

describe('a full disk', () => {
  it('is reported as 507 with a clear message, and nothing is stored', async () => {
    const inner = memoryStore(emptyOrganisation());
    store = {
      ...inner,
      commit: async () => {
        throw new DOMException('quota', 'QuotaExceededError');
      },
    };
    state = createOrganisationState(store, () => TODAY, { whenEmpty: 'stay-empty' });
    server.resetHandlers(answeredBy(createApp(state)));
    const response = await post({ mode: 'replace', files: HR_EXPORT });
    expect(response.status).toBe(507);
    expect(((await response.json()) as { message: string }).message).toMatch(/no storage left.*nothing was imported/);
    expect(await inner.load()).toEqual({ organisation: emptyOrganisation(), revision: 1 });
  });
});
