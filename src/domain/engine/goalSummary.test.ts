import { describe, expect, it } from 'vitest';
import { goalSummary, type GoalState } from './goals';
import type { Goal } from '../schema';

function state(id: string, completed: boolean, overdue: boolean, status: GoalState['status']): GoalState {
  const goal: Goal = { id, employee: 'e', credential: 'c', dueOn: '2026-06-30', kind: 'organisational', status, assignedBy: '', createdOn: '2026-01-01' };
  return { goal, completed, overdue, status };
}

describe('goal counts (rule 11)', () => {
  it('leaves cancelled goals out of the completion rate and counts overdue goals among the open ones', () => {
    const summary = goalSummary([
      state('done', true, false, 'completed'),
      state('late', false, true, 'assigned'),
      state('on-time', false, false, 'in-progress'),
      state('dropped', false, false, 'cancelled'),
    ]);
    // 4 goals, 1 cancelled: 1 completed of 3, 2 open of which 1 overdue.
    expect(summary).toEqual({ total: 4, completed: 1, overdue: 1, open: 2, completionRate: 1 / 3 });
  });

  it('has no completion rate when every goal is cancelled, or there is none', () => {
    expect(goalSummary([state('dropped', false, false, 'cancelled')]).completionRate).toBeNull();
    expect(goalSummary([])).toEqual({ total: 0, completed: 0, overdue: 0, open: 0, completionRate: null });
  });
});
