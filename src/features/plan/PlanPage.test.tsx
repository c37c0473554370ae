// @vitest-environment jsdom
// The training plan: cohorts added from a team page, priced and totalled per quarter and per team
// against a budget, kept per person, and assigned as goals in one action (each due at its quarter's end).
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createTestApi } from '../../../tests/support/testApi';
import { renderApp } from '../../../tests/support/renderApp';
import { AS_OF, analysts } from '../../domain/recommend/testFixtures';

const api = createTestApi({ today: AS_OF, organisation: analysts() });

beforeAll(() => api.server.listen({ onUnhandledRequest: 'error' }));
beforeEach(async () => {
  await api.state.replace(analysts(), 'test: fresh');
  api.plans.clear();
});
afterEach(() => api.server.resetHandlers());
afterAll(() => api.server.close());

/** The body rows of a table as the text of their cells. */
function rowsOf(table: HTMLElement): string[][] {
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent ?? ''));
}

async function addBothCohorts(user: ReturnType<typeof userEvent.setup>) {
  const cohorts = await screen.findByRole('table', { name: 'Cohorts' }, { timeout: 8000 });
  await user.click(within(cohorts).getByRole('button', { name: 'Add Data Analytics certificate (Insights) to the training plan' }));
  await user.click(within(cohorts).getByRole('button', { name: 'Add Charts that Work (Insights) to the training plan' }));
  await user.click(screen.getByRole('link', { name: 'Plan' }));
  await screen.findByRole('heading', { name: 'Per quarter' }, { timeout: 8000 });
}

describe('the training plan', () => {
  it('totals the cohorts per quarter and per team against a budget, and moves an item to another quarter', async () => {
    const user = userEvent.setup();
    renderApp(`/teams/Insights?asOf=${AS_OF}`);
    await addBothCohorts(user);
    // By hand: the certificate's 3 bookings (150 + 200 + 200 €, 10 + 12 + 12 h) and A3's course (200 €, 12 h),
    // all in the quarter after 1 March 2026's: Q2 2026, due 30 June.
    const perQuarter = screen.getByRole('table', { name: 'Cost and hours per quarter' });
    expect(rowsOf(perQuarter)).toEqual([['Q2 2026goals due 30 Jun 2026', '3', '4', '€750', '46', '0 of 4']]);
    expect(rowsOf(screen.getByRole('table', { name: 'Cost and hours per team' }))).toEqual([['Insights', '3', '4', '€750', '46', '0 of 4']]);

    await user.type(screen.getByLabelText('Budget for the plan'), '700');
    await user.click(screen.getByRole('button', { name: 'Set budget' }));
    const figures = screen.getByLabelText('Plan totals');
    await waitFor(() => expect(figures).toHaveTextContent('Over budget€50'));

    await user.selectOptions(screen.getByRole('combobox', { name: 'Quarter for Charts that Work — Insights' }), '2026-Q3');
    await waitFor(() =>
      expect(rowsOf(screen.getByRole('table', { name: 'Cost and hours per quarter' }))).toEqual([
        ['Q2 2026goals due 30 Jun 2026', '2', '3', '€550', '79 %', '34', '0 of 3'],
        ['Q3 2026goals due 30 Sept 2026', '1', '1', '€200', '29 %', '12', '0 of 1'],
      ]),
    );
  });

  it('assigns the whole plan as goals in one action, each due at the end of its quarter', async () => {
    const user = userEvent.setup();
    renderApp(`/teams/Insights?asOf=${AS_OF}`);
    await addBothCohorts(user);
    await user.click(screen.getByRole('button', { name: 'Assign the whole plan as goals (4)' }));
    await user.click(within(screen.getByRole('form', { name: 'Assign the plan as goals' })).getByRole('button', { name: 'Assign 4 goals' }));
    expect(await screen.findByText('Every line of the plan has an open goal.', {}, { timeout: 8000 })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('4 goals assigned.');
    const goals = (await api.state.current()).org.goals.map((goal) => [goal.employee, goal.credential, goal.dueOn]);
    expect(goals).toEqual([
      ['A1', 'sql-joins', '2026-06-30'],
      ['A1', 'viz-charts', '2026-06-30'],
      ['A2', 'viz-charts', '2026-06-30'],
      ['A3', 'viz-charts', '2026-06-30'],
    ]);
  });

  it('keeps one plan per persona: a manager does not see the L&D manager’s plan', async () => {
    const user = userEvent.setup();
    const { unmount } = renderApp(`/teams/Insights?asOf=${AS_OF}`);
    await addBothCohorts(user);
    unmount();
    renderApp(`/plan?asOf=${AS_OF}`, { kind: 'manager', team: 'Insights' });
    expect(await screen.findByText(/The plan is empty/, {}, { timeout: 8000 })).toBeInTheDocument();
  });
});
