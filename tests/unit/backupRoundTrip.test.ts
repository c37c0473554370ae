// Moving house (SPEC §8): an organisation built in the browser host — imports, goals, a history —
// is downloaded as one file ("Download everything"), restored into a server's database with
// `gapmap restore`, and the server then answers every view exactly as the browser did, CSV exports
// byte for byte. `gapmap backup` of that server gives the same organisation back.
import 'fake-indexeddb/auto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodePersona, PERSONA_HEADER } from '../../src/api/contract';
import { createApp } from '../../src/server/http/app';
import { createOrganisationState } from '../../src/server/state/organisationState';
import { indexedDbStore } from '../../src/server/store/indexedDbStore';
import { decodeBackup } from '../../src/server/backup/backupFile';
import { openDatabase } from '../../src/server/hosts/node/openDatabase';
import { postgresStore } from '../../src/server/store/postgresStore';
import { createNodeApp, listen } from '../../src/server/hosts/node/serve';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';

const TODAY = '2026-11-25';
const LND = { [PERSONA_HEADER]: encodePersona({ kind: 'lnd' }) };
const ROOT = join(import.meta.dirname, '../..');

describe('an organisation built in the browser moves to a server without loss', () => {
  const browserState = createOrganisationState(indexedDbStore('gapmap-backup-test'), () => TODAY);
  const browser = createApp(browserState);
  const inBrowser = (path: string, init: RequestInit = {}) => browser.fetch(new Request(`http://browser.test${path}`, { ...init, headers: { ...LND, 'content-type': 'application/json', ...init.headers } }));
  let database: TestDatabase | undefined;
  let databaseArgs: string[];
  let server: { url: string; close(): Promise<void> };
  let closeDatabase: () => Promise<void>;
  const folder = mkdtempSync(join(tmpdir(), 'gapmap-backup-'));

  beforeAll(async () => {
    // The browser host seeds the demo, then people work in it: an import, goals, an undo.
    const overview = await inBrowser('/api/overview');
    expect(overview.status).toBe(200);
    const employees = ((await (await inBrowser('/api/employees')).json()) as { employees: { id: string; team: string }[] }).employees;
    const cohort = employees.filter((employee) => employee.team === employees[0]!.team).slice(0, 3).map((employee) => employee.id);
    const catalog = (await (await inBrowser('/api/catalog')).json()) as { credentials: { id: string }[] };
    const assigned = await inBrowser('/api/goals', { method: 'POST', body: JSON.stringify({ employees: cohort, credential: catalog.credentials[0]!.id, dueOn: '2027-03-31', kind: 'organisational' }) });
    expect(assigned.status).toBe(201);
    const skills = await inBrowser('/api/imports', { method: 'POST', body: JSON.stringify({ mode: 'merge', files: [{ fileName: 'skills.csv', text: 'skill_id,name,category\nforklift,Forklift "counterbalance" operation,logistics\n' }] }) });
    expect(skills.status).toBe(200);
    const second = await inBrowser('/api/goals', { method: 'POST', body: JSON.stringify({ employees: [cohort[0]], credential: catalog.credentials[1]!.id, dueOn: '2027-06-30', kind: 'personal' }) });
    const history = (await (await inBrowser('/api/imports')).json()) as { entries: { id: number }[] };
    expect(second.status).toBe(201);
    expect((await inBrowser(`/api/imports/${history.entries[0]!.id}/undo`, { method: 'POST' })).status).toBe(200);

    database = await createTestDatabase('backup');
    databaseArgs = database ? ['--database-url', database.url] : ['--data', join(folder, 'data')];
  }, 60_000);

  afterAll(async () => {
    await server?.close();
    await closeDatabase?.();
    await database?.drop();
  });

  it('is restored by gapmap restore, and the server answers every view as the browser did', async () => {
    const download = await inBrowser('/api/backup');
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toMatch(/gapmap-backup-2026-11-25\.json\.gz/);
    const file = join(folder, 'everything.json.gz');
    writeFileSync(file, new Uint8Array(await download.arrayBuffer()));

    const restored = execFileSync(process.execPath, ['bin/gapmap.js', 'restore', file, ...databaseArgs], { cwd: ROOT, encoding: 'utf8' });
    expect(restored).toMatch(/^Restored 300 employees/);
    // A second restore into a database with data is refused unless --force.
    expect(() => execFileSync(process.execPath, ['bin/gapmap.js', 'restore', file, ...databaseArgs], { cwd: ROOT, stdio: 'pipe' })).toThrow(/--force/);

    // The server's admin and their token, made with the product's own command.
    execFileSync(process.execPath, ['bin/gapmap.js', 'users', 'add', '--email', 'admin@backup.test', '--role', 'admin', ...databaseArgs], { cwd: ROOT, stdio: 'pipe' });
    const token = execFileSync(process.execPath, ['bin/gapmap.js', 'users', 'token', '--email', 'admin@backup.test', '--expires', '1d', ...databaseArgs], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
    const ADMIN = { authorization: `Bearer ${token}` };
    const opened = await openDatabase(database ? { databaseUrl: database.url } : { dataDir: join(folder, 'data') });
    closeDatabase = () => opened.close();
    const state = createOrganisationState(postgresStore(opened.db), () => TODAY, { whenEmpty: 'stay-empty' });
    server = await listen(createNodeApp({ state, database: opened }), { port: 0, host: '127.0.0.1' });
    const onServer = (path: string) => fetch(`${server.url}${path}`, { headers: ADMIN });

    const employees = ((await (await inBrowser('/api/employees')).json()) as { employees: { id: string; team: string }[] }).employees;
    const someone = employees[7]!;
    const views = [
      '/api/overview', '/api/teams', `/api/teams/${encodeURIComponent(someone.team)}`, '/api/employees', `/api/employees/${encodeURIComponent(someone.id)}`,
      `/api/employees/${encodeURIComponent(someone.id)}/pathway`, '/api/goals', '/api/catalog', '/api/roles', '/api/heatmap/org',
      `/api/heatmap/team/${encodeURIComponent(someone.team)}`, `/api/teams/${encodeURIComponent(someone.team)}/cohorts`, '/api/overview?asOf=2026-01-31&evidence=verified',
    ];
    for (const path of views) {
      const [fromBrowser, fromServer] = await Promise.all([inBrowser(path), onServer(path)]);
      expect(fromServer.status, path).toBe(200);
      expect(await fromServer.json(), path).toEqual(await fromBrowser.json());
    }
    for (const path of ['/api/reports/gaps?format=long', '/api/reports/gaps?format=team&bom=1&delimiter=;', '/api/reports/goals']) {
      const [fromBrowser, fromServer] = await Promise.all([inBrowser(path), onServer(path)]);
      expect(new Uint8Array(await fromServer.arrayBuffer()), path).toEqual(new Uint8Array(await fromBrowser.arrayBuffer()));
    }
    // The history came along (as a record), followed by the restore itself, which can be undone.
    const browserHistory = ((await (await inBrowser('/api/imports')).json()) as { entries: { label: string; undoneAt?: string }[] }).entries;
    const serverHistory = ((await (await onServer('/api/imports')).json()) as { entries: { label: string; undoable: boolean; undoneAt?: string }[] }).entries;
    expect(serverHistory[0]).toMatchObject({ label: expect.stringMatching(/^Restored from .*everything\.json\.gz \(made in a browser on \d{4}-\d{2}-\d{2}\)$/), undoable: true });
    expect(serverHistory.slice(1).map((entry) => [entry.label, Boolean(entry.undoneAt)])).toEqual(browserHistory.map((entry) => [entry.label, Boolean(entry.undoneAt)]));

    // And back out: gapmap backup of the server holds the same organisation the browser had.
    await server.close();
    await closeDatabase();
    closeDatabase = async () => undefined;
    const again = join(folder, 'again.json.gz');
    execFileSync(process.execPath, ['bin/gapmap.js', 'backup', '--out', again, ...databaseArgs], { cwd: ROOT, encoding: 'utf8' });
    const original = await decodeBackup(new Uint8Array(readFileSync(file)));
    const roundTripped = await decodeBackup(new Uint8Array(readFileSync(again)));
    expect(roundTripped.organisation).toEqual(original.organisation);
    expect(roundTripped.madeBy).toBe('server');
  }, 120_000);

  it('refuses a file that is not a backup, and restores nothing', () => {
    const notBackup = join(folder, 'employees.csv');
    writeFileSync(notBackup, 'employee_id,name\nE1,Ada\n');
    expect(() => execFileSync(process.execPath, ['bin/gapmap.js', 'restore', notBackup, '--data', join(folder, 'empty')], { cwd: ROOT, stdio: 'pipe' })).toThrow(/not a Gapmap backup/);
  }, 60_000);
});
