// A generation read from its snapshot is exactly the generation read from its rows: the rows are
// the independent reference (SELECT through the driver), the snapshot the fast path.
import { describe, expect, it } from 'vitest';
import { DATABASE_STORES, testDatabasesOfThisFile } from '../../../../tests/support/testServer';
import { postgresStore } from '../postgresStore';
import { STORED_KINDS } from '../../../api/importContract';
import type { Organisation } from '../../../domain/schema';
import { decodeSnapshot, encodeSnapshot } from './generationSnapshots';

// Blank optional fields, accents, quotes, tabs and newlines, emoji, markup, numbers with fractions, JSON columns.
const tricky: Organisation = {
  skills: [
    { id: 'sql', name: 'SQL', category: 'Data' },
    { id: 'o\'brien "q"', name: 'Tab\there, new\nline \\ back', category: '<b>markup</b>', description: '🚀 emoji' },
  ],
  roles: [{ id: 'Data Analyst', name: 'Data Analyst', requirements: [{ skill: 'sql', level: 3, weight: 'critical' }] }],
  credentials: [
    { id: 'sql-adv', name: 'SQL Advanced', issuer: 'Acme', grants: [{ skill: 'sql', level: 4 }], hours: 12.5, cost: 349.99, currency: 'EUR', validityMonths: 24 },
    { id: 'stack', name: 'Stack', issuer: 'Acme', grants: [], components: ['sql-adv'] },
  ],
  employees: [
    { id: 'E1', name: 'Valentina Wójcik', email: 'v@example.com', team: 'Data Platform', role: 'Data Analyst' },
    { id: "E2'; drop table awards; --", name: 'Zoë', team: 'Data Platform', role: 'Data Analyst', manager: 'E1', location: 'Zürich' },
  ],
  awards: [
    { employee: 'E1', credential: 'sql-adv', issuedOn: '2025-01-02', verification: 'verified' },
    { employee: "E2'; drop table awards; --", credential: 'sql-adv', issuedOn: '2024-02-29', expiresOn: '2026-02-28', evidenceUrl: 'https://x.example/a?b=1&c=2', verification: 'failed', verificationReason: 'signature: bad' },
  ],
  assessments: [
    { employee: 'E1', skill: 'sql', level: 3, source: 'manager', assessedOn: '2025-05-05' },
    { employee: 'E1', skill: 'sql', level: 0, source: 'self' },
  ],
  goals: [{ id: 'g1', employee: 'E1', credential: 'stack', dueOn: '2026-12-31', kind: 'organisational', status: 'assigned', assignedBy: 'E2\'; drop table awards; --', createdOn: '2026-01-01' }],
  interests: [{ employee: 'E1', skill: 'o\'brien "q"' }],
} as Organisation;

describe('generation snapshots', () => {
  it('give back every record of every kind equal, blank fields absent', () => {
    for (const kind of STORED_KINDS) {
      const records = tricky[kind] as object[];
      expect(decodeSnapshot(encodeSnapshot(kind, records))).toEqual(records);
    }
  });

  it('decode from a buffer that starts at an odd offset (as a driver may hand it over)', () => {
    const encoded = encodeSnapshot('awards', tricky.awards);
    const shifted = new Uint8Array(encoded.length + 3);
    shifted.set(encoded, 3);
    expect(decodeSnapshot(shifted.subarray(3))).toEqual(tricky.awards);
  });

  const openDatabase = testDatabasesOfThisFile('snapshots');

  it.each(DATABASE_STORES)('in %s, load from the snapshots what the rows hold', async (kind) => {
    const database = await openDatabase(kind);
    const writer = postgresStore(database.db);
    await writer.commit(tricky, { source: 'edit', label: 'seed', mode: null, validRowsOnly: false, files: [], errors: 0, warnings: 0, issues: [] });
    // The snapshots are written after the commit, by the process that made it.
    await writer.settled?.();
    const fromSnapshots = await postgresStore(database.db).load();
    const [{ count }] = (await database.db.query<{ count: string }>('select count(distinct generation) from generation_snapshots')) as [{ count: string }];
    expect(Number(count)).toBe(STORED_KINDS.length);
    // The reference: the same generations read row by row once the snapshots are gone.
    await database.db.query('delete from generation_snapshots');
    const reader = postgresStore(database.db);
    const fromRows = await reader.load();
    expect(fromSnapshots?.organisation).toEqual(fromRows?.organisation);
    expect(fromRows?.organisation).toEqual(tricky);
    // Who read the rows writes the snapshots they lacked: the next start reads those again.
    await reader.settled?.();
    const [{ count: rewritten }] = (await database.db.query<{ count: string }>('select count(distinct generation) from generation_snapshots')) as [{ count: string }];
    expect(Number(rewritten)).toBe(STORED_KINDS.length);
    expect((await postgresStore(database.db).load())?.organisation).toEqual(tricky);
    // Opening and migrating PGlite takes seconds on a busy 2-core machine.
  }, 60_000);
});
