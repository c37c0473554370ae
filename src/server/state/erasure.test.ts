// Erasure and retention on PostgreSQL (SPEC §9): after a person is erased, no row of any generation,
// no history issue list and no open import names them; the audit log keeps the event under a pseudonym.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deflateRawSync } from 'node:zlib';
import type { Organisation } from '../../domain/schema';
import { TEST_DATABASE_URL } from '../../../tests/support/testDatabase';
import { openTestDatabase } from '../../../tests/support/testServer';
import type { SqlDatabase } from '../store/sql/sqlDatabase';
import { postgresPlanStore, postgresStore } from '../store/postgresStore';
import { decodeSnapshot } from '../store/sql/generationSnapshots';
import { postgresAuditLog } from '../store/postgresAccountStore';
import { personRef } from '../store/auditLog';
import { createOrganisationState } from './organisationState';
import { eraseLeavers, erasePerson } from './erasure';

const TODAY = '2026-11-25';
const ENTRY = { source: 'import' as const, label: 'test', mode: 'replace' as const, validRowsOnly: false, files: [], errors: 0, warnings: 0 };

function organisation(people: string[]): Organisation {
  const all = { zed: 'Zed Zeppelin', yan: 'Yan Yorick', xia: 'Xia Xenakis' } as Record<string, string>;
  return {
    skills: [{ id: 'sql', name: 'SQL', category: 'data' }],
    roles: [{ id: 'r', name: 'R', requirements: [{ skill: 'sql', level: 2, weight: 'important' }] }],
    employees: people.map((id) => ({ id, name: all[id]!, team: 'T', role: 'r', ...(id !== 'zed' && people.includes('zed') ? { manager: 'zed' } : {}) })),
    credentials: [{ id: 'c1', name: 'C1', issuer: 'I', grants: [{ skill: 'sql', level: 2 }] }],
    awards: people.map((employee) => ({ employee, credential: 'c1', issuedOn: '2025-01-01', verification: 'verified' as const })),
    assessments: people.map((employee) => ({ employee, skill: 'sql', level: 2, source: 'self' as const, assessedOn: '2025-01-01' })),
    goals: people.map((employee) => ({ id: `g-${employee}`, employee, credential: 'c1', dueOn: '2027-01-01', kind: 'personal' as const, status: 'assigned' as const, assignedBy: 'x', createdOn: '2026-01-01' })),
    interests: people.map((employee) => ({ employee, skill: 'sql' })),
  };
}

async function rowsNaming(db: SqlDatabase, id: string, name: string): Promise<string[]> {
  const found: string[] = [];
  for (const table of ['awards', 'assessments', 'goals', 'interests']) {
    if ((await db.query(`select 1 from ${table} where employee_id = $1`, [id])).length > 0) found.push(table);
  }
  if ((await db.query('select 1 from employees where id = $1 or manager_id = $1 or name = $2', [id, name])).length > 0) found.push('employees');
  if ((await db.query('select 1 from change_history where strpos(issues::text, $1) > 0 or strpos(issues::text, $2) > 0', [id, name])).length > 0) found.push('change_history');
  if ((await db.query('select 1 from audit_log where strpos(detail::text, $1) > 0 or strpos(subject, $1) > 0 or strpos(detail::text, $2) > 0', [id, name])).length > 0) found.push('audit_log');
  if ((await db.query('select 1 from training_plans where strpos(plan::text, $1) > 0 or strpos(plan::text, $2) > 0', [`"${id}"`, name])).length > 0) found.push('training_plans');
  // Snapshots are compressed: each generation's is decoded and searched.
  const generations = await db.query<{ generation: string }>('select distinct generation from generation_snapshots');
  for (const { generation } of generations) {
    const parts = await db.query<{ data: string }>(`select encode(data, 'base64') as data from generation_snapshots where generation = $1 order by part`, [generation]);
    const text = JSON.stringify(decodeSnapshot(Buffer.concat(parts.map((part) => Buffer.from(part.data, 'base64')))));
    if (text.includes(`"${id}"`) || text.includes(name)) found.push(`snapshot of generation ${generation}`);
  }
  return found;
}

describe.skipIf(!TEST_DATABASE_URL)('erasing a person on PostgreSQL', () => {
  let opened: Awaited<ReturnType<typeof openTestDatabase>>;
  beforeAll(async () => {
    opened = await openTestDatabase('postgres', 'erasure');
  }, 60_000);
  afterAll(() => opened.drop());

  it('leaves no row of any generation, no history issue and no open import naming them, and audits a pseudonym', async () => {
    const { db } = opened;
    const store = postgresStore(db);
    const audit = postgresAuditLog(db);
    await store.commit(organisation(['zed', 'yan']), { ...ENTRY, issues: [{ file: 'employees.csv', row: 2, column: 'name', severity: 'warning', code: 'x', message: 'Zed Zeppelin looks odd' } as never] });
    await store.commit({ goals: organisation(['yan']).goals }, { ...ENTRY, issues: [] });
    await db.query(`insert into import_jobs (id, owner) values ('job-1', 'someone')`);
    await db.query(`insert into import_job_files (job_id, file_id, position, file_name, bytes) values ('job-1', 'f1', 1, 'employees.csv', convert_to('employee_id,name\nzed,Zed Zeppelin\n', 'UTF8'))`);
    // A workbook is compressed: its bytes never show the name.
    await db.query(`insert into import_jobs (id, owner) values ('job-2', 'someone')`);
    await db.query('insert into import_job_files (job_id, file_id, position, file_name, bytes) values ($1, $2, $3, $4, $5)', ['job-2', 'f2', 1, 'employees.xlsx', deflateRawSync(Buffer.from('employee_id,name\nzed,Zed Zeppelin\n'))]);
    const state = createOrganisationState(store, () => TODAY, { whenEmpty: 'stay-empty' });
    // A goal assigned to them earlier, in the audit log: it names them by pseudonym.
    await audit.append({ actorId: 'a1', actor: 'admin@example.test', action: 'goals-assigned', subject: 'c1', detail: { goals: [{ employee: personRef('zed') }, { employee: personRef('yan') }] } });
    const [assigned] = await audit.list({ action: 'goals-assigned' });
    const [zedPseudonym, yanPseudonym] = (assigned!.detail.goals as { employee: string }[]).map((goal) => goal.employee);
    expect(await audit.people([zedPseudonym!, yanPseudonym!])).toEqual(new Map([[zedPseudonym, 'zed'], [yanPseudonym, 'yan']]));
    // An L&D manager's training plan: a cohort of both, and Zed's own pathway (labelled with his name).
    const plans = postgresPlanStore(db);
    await plans.save('lnd-1', {
      budget: 1000,
      items: [
        { id: 'cohort:T:c1', label: 'C1 — T', kind: 'cohort', lines: [{ employee: 'zed', credential: 'c1' }, { employee: 'yan', credential: 'c1' }] },
        { id: 'pathway:zed', label: 'Zed Zeppelin’s pathway', kind: 'pathway', lines: [{ employee: 'zed', credential: 'c1' }] },
      ],
    });
    await store.settled?.();
    expect((await rowsNaming(db, 'zed', 'Zed Zeppelin')).filter((place) => !place.startsWith('snapshot'))).toEqual(['awards', 'assessments', 'goals', 'interests', 'employees', 'change_history', 'training_plans']);
    // The first change's snapshots name them in employees, awards, assessments, goals and interests.
    expect((await rowsNaming(db, 'zed', 'Zed Zeppelin')).filter((place) => place.startsWith('snapshot'))).toHaveLength(5);

    expect(await erasePerson(state, audit, 'zed', { actorId: 'a1', actor: 'admin@example.test' }, 'request')).toBe(true);

    expect(await rowsNaming(db, 'zed', 'Zed Zeppelin')).toEqual([]);
    expect(await db.query('select id from import_jobs')).toEqual([]);
    // The plan keeps what does not name them: Yan's line of the cohort and the budget.
    expect(await plans.load('lnd-1')).toEqual({ budget: 1000, items: [{ id: 'cohort:T:c1', label: 'C1 — T', kind: 'cohort', lines: [{ employee: 'yan', credential: 'c1' }] }] });
    // The row stays (append-only), and no longer leads to them; others are still named.
    expect(await audit.people([zedPseudonym!, yanPseudonym!])).toEqual(new Map([[yanPseudonym, 'yan']]));
    const { org } = await state.current();
    // Whoever reads the new generations writes their snapshots: those must not name them either.
    await store.settled?.();
    expect(await rowsNaming(db, 'zed', 'Zed Zeppelin')).toEqual([]);
    expect(org.employees.map((employee) => [employee.id, employee.manager])).toEqual([['yan', undefined]]);
    expect(org.awards.map((award) => award.employee)).toEqual(['yan']);
    const [event] = await audit.list({ action: 'person-erased' });
    expect(event).toMatchObject({ actor: 'admin@example.test', subject: expect.stringMatching(/^erased-[0-9a-f]{8}$/), detail: { reason: 'request', erased: { employees: 1, awards: 1, assessments: 1, goals: 0, interests: 1, reports: 1 } } });
    // Nothing before the erasure can be undone: an undo would bring them back.
    expect((await store.history()).entries.every((entry) => !entry.undoable)).toBe(true);
    await expect(db.query('delete from audit_log')).rejects.toThrow(/append-only/);
    await expect(db.query(`update audit_log set actor = 'someone else'`)).rejects.toThrow(/append-only/);
  });

  it('erases leavers once they have been gone longer than the retention period, and nobody else', async () => {
    const fresh = await openTestDatabase('postgres', 'retention');
    try {
      const audit = postgresAuditLog(fresh.db);
      // Xia left on 2025-06-01, Yan on 2026-10-01; Zed stays.
      await postgresStore(fresh.db, { now: () => '2025-01-01T09:00:00.000Z' }).commit(organisation(['zed', 'yan', 'xia']), { ...ENTRY, issues: [] });
      await postgresStore(fresh.db, { now: () => '2025-06-01T09:00:00.000Z' }).commit(organisation(['zed', 'yan']), { ...ENTRY, issues: [] });
      await postgresStore(fresh.db, { now: () => '2026-10-01T09:00:00.000Z' }).commit(organisation(['zed']), { ...ENTRY, issues: [] });
      const state = createOrganisationState(postgresStore(fresh.db), () => TODAY, { whenEmpty: 'stay-empty' });
      expect(await eraseLeavers(state, audit, 12, TODAY)).toBe(1);
      expect(await rowsNaming(fresh.db, 'xia', 'Xia Xenakis')).toEqual([]);
      expect(await rowsNaming(fresh.db, 'yan', 'Yan Yorick')).not.toEqual([]);
      expect((await audit.list({ action: 'person-erased' }))[0]).toMatchObject({ actorId: 'system', detail: { reason: 'retention' } });
      // Run again (the daily run): nobody more is due.
      expect(await eraseLeavers(state, audit, 12, TODAY)).toBe(0);
    } finally {
      await fresh.drop();
    }
  });
});
