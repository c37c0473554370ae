import { describe, it, expect } from 'vitest';
import { goalExportRows, goalStates } from './goals';
import { prepareOrganisation } from './prepare';
import { award, employee, goal, organisation } from './testFixtures';

describe('rule 11: goal completion and overdue', () => {
  const eo = prepareOrganisation(
    organisation({
      employees: [employee('G1', 'Data Platform', 'data-engineer', 'Ana Ruiz'), employee('G2', 'Data Platform', 'data-engineer'), employee('S1', 'Support', 'support-agent')],
      awards: [
        award('G1', 'sql-adv', '2026-02-03'), // never expires
        award('G1', 'py-cert', '2024-06-01'), // lapsed 2025-06-01
        award('G1', 'py-cert', '2026-02-20'), // until 2027-02-20
        award('G1', 'gdpr-basic', '2025-09-01'), // until 2026-09-01
        award('G2', 'py-cert', '2024-01-01'), // until 2025-01-01
        award('G2', 'sql-adv', '2025-03-01'), // from after py-cert lapsed
      ],
      goals: [
        goal('g1', 'G1', 'sql-adv', '2026-01-10', '2026-02-28', 'in-progress'),
        goal('g2', 'G1', 'py-cert', '2025-07-01', '2026-01-31'),
        goal('g3', 'G1', 'gdpr-basic', '2026-01-10', '2026-06-30'),
        goal('g4', 'G1', 'data-eng', '2025-10-01', '2026-12-31'),
        goal('g5', 'G1', 'data-lead', '2025-10-01', '2026-12-31'),
        goal('g6', 'G2', 'data-eng', '2024-06-01', '2025-12-31'),
        goal('g7', 'S1', 'gdpr-basic', '2025-11-01', '2026-01-31', 'cancelled'),
        goal('g8', 'S1', 'comms-course', '2025-11-01', '2026-01-31', 'completed'),
      ],
    }),
  );
  const byId = (asOf: string) => new Map(goalStates(eo, asOf).map((state) => [state.goal.id, state]));
  const march = byId('2026-03-01');

  it('completes on the day the credential is awarded after the goal was created', () => {
    expect(march.get('g1')).toMatchObject({ completed: true, completedOn: '2026-02-03', overdue: false, status: 'completed' });
  });

  it('completes on the creation day when the credential is already held then', () => {
    expect(march.get('g3')).toMatchObject({ completed: true, completedOn: '2026-01-10', status: 'completed' });
  });

  it('does not complete before the award, and keeps the stored status', () => {
    expect(byId('2026-02-02').get('g1')).toMatchObject({ completed: false, overdue: false, status: 'in-progress' });
    expect(byId('2026-02-02').get('g1')?.completedOn).toBeUndefined();
  });

  it('completes a stack on the first day all components are held', () => {
    // sql-adv from 2026-02-03, py-cert again from 2026-02-20
    expect(march.get('g4')).toMatchObject({ completed: true, completedOn: '2026-02-20' });
  });

  it('completes a stack of stacks on the first day of the intersection', () => {
    // data-eng from 2026-02-20 and gdpr-basic 2025-09-01 … 2026-09-01
    expect(march.get('g5')).toMatchObject({ completed: true, completedOn: '2026-02-20' });
  });

  it('does not complete a stack whose components were never held at the same time', () => {
    expect(march.get('g6')).toMatchObject({ completed: false, overdue: true, status: 'assigned' });
  });

  it('is overdue only after the due date', () => {
    // py-cert was held only before the goal was created; the renewal of 2026-02-20 is after the due date.
    expect(byId('2026-01-31').get('g2')).toMatchObject({ completed: false, overdue: false });
    expect(byId('2026-02-01').get('g2')).toMatchObject({ completed: false, overdue: true });
    expect(march.get('g2')).toMatchObject({ completed: true, completedOn: '2026-02-20', overdue: false });
  });

  it('never makes a cancelled goal overdue', () => {
    expect(march.get('g7')).toEqual({ goal: goal('g7', 'S1', 'gdpr-basic', '2025-11-01', '2026-01-31', 'cancelled'), completed: false, overdue: false, status: 'cancelled' });
  });

  it('keeps a goal marked completed by a manager without an award on file', () => {
    expect(march.get('g8')).toMatchObject({ completed: true, overdue: false, status: 'completed' });
    expect(march.get('g8')?.completedOn).toBeUndefined();
  });

  it('keeps the goals of employees in scope only', () => {
    expect(goalStates(eo, '2026-03-01', { teams: ['Support'] }).map((s) => s.goal.id)).toEqual(['g7', 'g8']);
  });

  it('exports one row per goal with status and overdue flag', () => {
    const rows = goalExportRows(eo, '2026-03-01', { teams: ['Data Platform'] });
    expect(rows.map((r) => r.goal_id)).toEqual(['g2', 'g1', 'g3', 'g4', 'g5', 'g6']);
    expect(rows[1]).toEqual({
      goal_id: 'g1',
      employee_id: 'G1',
      employee_name: 'Ana Ruiz',
      team: 'Data Platform',
      credential_id: 'sql-adv',
      credential_name: 'Advanced SQL',
      kind: 'organisational',
      status: 'completed',
      created_on: '2026-01-10',
      due_on: '2026-02-28',
      completed_on: '2026-02-03',
      overdue: 'no',
    });
    expect(rows[5]).toMatchObject({ goal_id: 'g6', completed_on: '', overdue: 'yes' });
  });
});
