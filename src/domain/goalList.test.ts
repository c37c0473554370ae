// The Goals list on the backend: which goals a status and words select, and in which order.
import { describe, expect, it } from 'vitest';
import { goalListRows, type GoalListRow } from './goalList';

function row(id: string, employeeName: string, team: string, credentialName: string, dueOn: string, state: Partial<Pick<GoalListRow, 'completed' | 'overdue' | 'status'>> = {}): GoalListRow {
  return {
    goal: { id, employee: `e-${id}`, credential: `c-${id}`, dueOn, kind: 'organisational', status: 'assigned', assignedBy: 'L&D', createdOn: '2026-01-01' },
    employeeName, team, credentialName, completed: false, overdue: false, status: 'assigned', ...state,
  };
}

// By hand: g2 is overdue (most urgent), g1 and g5 open (g1 due first), g3 completed, g4 cancelled.
const ROWS = [
  row('g1', 'Zoë Ng', 'Data', 'SQL Practitioner', '2027-01-31'),
  row('g2', 'Ada Byrne', 'Payments', 'Python Basics', '2026-10-31', { overdue: true }),
  row('g3', 'Émile Roux', 'Data', 'Python Basics', '2026-12-31', { completed: true, status: 'completed' }),
  row('g4', 'Bo Chen', 'Data', 'SQL Practitioner', '2026-12-01', { status: 'cancelled' }),
  row('g5', 'Ada Byrne', 'Payments', 'SQL Practitioner', '2027-03-31'),
];
const ids = (rows: GoalListRow[]) => rows.map((item) => item.goal.id);

describe('goalListRows', () => {
  it('orders by urgency then due date by default: overdue, open, completed, cancelled', () => {
    expect(ids(goalListRows(ROWS, {}))).toEqual(['g2', 'g1', 'g5', 'g3', 'g4']);
  });

  it('selects a status: open includes overdue, never completed or cancelled', () => {
    expect(ids(goalListRows(ROWS, { status: 'open' }))).toEqual(['g2', 'g1', 'g5']);
    expect(ids(goalListRows(ROWS, { status: 'overdue' }))).toEqual(['g2']);
    expect(ids(goalListRows(ROWS, { status: 'completed' }))).toEqual(['g3']);
    expect(ids(goalListRows(ROWS, { status: 'cancelled' }))).toEqual(['g4']);
  });

  it('finds every word in the person, team or credential, case and accents aside', () => {
    expect(ids(goalListRows(ROWS, { find: 'ZOE sql' }))).toEqual(['g1']);
    expect(ids(goalListRows(ROWS, { find: 'emile' }))).toEqual(['g3']);
    expect(ids(goalListRows(ROWS, { find: 'payments python' }))).toEqual(['g2']);
    expect(ids(goalListRows(ROWS, { find: 'nobody' }))).toEqual([]);
  });

  it('sorts by a column either way, equal values by the person’s name (accents aside)', () => {
    // Names: Ada, Ada, Bo, Émile, Zoë — the two Adas in the given order.
    expect(ids(goalListRows(ROWS, { sort: { column: 'employee', direction: 'asc' } }))).toEqual(['g2', 'g5', 'g4', 'g3', 'g1']);
    expect(ids(goalListRows(ROWS, { sort: { column: 'due', direction: 'desc' } }))).toEqual(['g5', 'g1', 'g3', 'g4', 'g2']);
    // Data (Bo, Émile, Zoë by name), then Payments (the Adas).
    expect(ids(goalListRows(ROWS, { sort: { column: 'team', direction: 'asc' } }))).toEqual(['g4', 'g3', 'g1', 'g2', 'g5']);
  });
});
