// On PostgreSQL a change and its audit row are one transaction (SPEC §9: every change traceable):
// a row that cannot be written undoes the change, a change refused writes no row.
import { describe, expect, it } from 'vitest';
import type { Organisation } from '../../domain/schema';
import { DATABASE_STORES, testDatabasesOfThisFile } from '../../../tests/support/testServer';
import { StaleRevisionError } from './organisationDatabase';
import { postgresStore } from './postgresStore';
import { postgresAuditLog } from './postgresAccountStore';
import type { NewAuditEvent } from './auditLog';

const ENTRY = { source: 'edit' as const, label: 'test', mode: null, validRowsOnly: false, files: [], errors: 0, warnings: 0, issues: [] };

function organisation(goalIds: string[]): Organisation {
  return {
    skills: [{ id: 'sql', name: 'SQL', category: 'data' }],
    roles: [{ id: 'r', name: 'R', requirements: [{ skill: 'sql', level: 2, weight: 'important' }] }],
    employees: [{ id: 'e1', name: 'Eve', team: 'T', role: 'r' }],
    credentials: [{ id: 'c1', name: 'C1', issuer: 'I', grants: [{ skill: 'sql', level: 2 }] }],
    awards: [],
    assessments: [],
    goals: goalIds.map((id) => ({ id, employee: 'e1', credential: 'c1', dueOn: '2027-01-01', kind: 'personal' as const, status: 'assigned' as const, assignedBy: 'x', createdOn: '2026-01-01' })),
    interests: [],
  };
}

const row = (subject: string): NewAuditEvent => ({ actorId: 'acct-1', actor: 'ada@example.test', action: 'goals-assigned', subject, detail: {} });

describe.each(DATABASE_STORES)('a change and its audit row, in %s', (kind) => {
  const openDatabase = testDatabasesOfThisFile('auditintx');

  it('are stored together, undone together, and a refused change leaves no row', async () => {
    const database = await openDatabase(kind);
    const store = postgresStore(database.db);
    const audit = postgresAuditLog(database.db);
    const { revision } = await store.commit(organisation([]), ENTRY, { audit: (entry) => row(`change ${entry?.id}`) });
    expect((await audit.list()).map((event) => event.subject)).toEqual(['change 1']);

    // PostgreSQL refuses a NUL in jsonb text: the row fails, and the change with it.
    await expect(store.commit({ goals: organisation(['g1']).goals }, ENTRY, { audit: () => ({ ...row('bad'), detail: { note: 'nul \u0000 here' } }) })).rejects.toThrow();
    expect(await store.revision()).toBe(revision);
    expect((await store.load())?.organisation.goals).toEqual([]);

    await expect(store.commit({ goals: organisation(['g2']).goals }, ENTRY, { expectedRevision: revision - 1, audit: () => row('stale') })).rejects.toThrow(StaleRevisionError);
    expect((await audit.list()).map((event) => event.subject)).toEqual(['change 1']);

    const { entry } = await store.commit({ goals: organisation(['g3']).goals }, ENTRY, { audit: (made) => row(`change ${made?.id}`) });
    const outcome = await store.undo(entry!.id, (undone) => row(`undone ${undone?.id}`));
    expect(outcome.ok).toBe(true);
    expect((await audit.list()).map((event) => event.subject).sort()).toEqual(['change 1', `change ${entry!.id}`, `undone ${entry!.id}`].sort());
  }, 60_000);
});
