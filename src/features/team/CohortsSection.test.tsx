// @vitest-environment jsdom
// A team's cohorts explain themselves: which gaps each row closes (skill, from which level to which,
// for whom), a certificate and the courses that earn it as one row, what is already assigned, and
// totals; assigning a certificate's cohort books each member's own courses in one request.
import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createPageTestApi } from '../../../tests/support/testApi';
import { renderApp } from '../../../tests/support/renderApp';
import { AS_OF, analysts } from '../../domain/recommend/testFixtures';
import { setWhatIf } from '../../api/mutations';
import type { Role } from '../../domain/schema';

/** Opens the team page under a what-if draft with these roles (the page's address names the draft, as in the app). */
async function openUnderDraft(roles: Role[]) {
  // A draft must name known skills only: the fixture's stats gets a skills-file entry (no figure changes).
  const stored = analysts();
  await api.state.replace(analysts({ skills: [...stored.skills, { id: 'stats', name: 'Statistics', category: 'technical' }] }), 'test: stats named');
  const { id } = await setWhatIf({ kind: 'lnd' }, { roles });
  const url = `/teams/Insights?asOf=${AS_OF}&scenario=${id}`;
  window.history.replaceState(null, '', url);
  renderApp(url);
}

const api = createPageTestApi({ today: AS_OF, organisation: analysts });

async function cohortRows() {
  const table = await screen.findByRole('table', { name: 'Cohorts' }, { timeout: 8000 });
  return { table, rows: within(table).getAllByRole('row').slice(1) };
}

describe('the cohorts of a team', () => {
  it('puts the Data Analytics certificate and its courses in one row, saying what it closes for whom', async () => {
    renderApp(`/teams/Insights?asOf=${AS_OF}`);
    const { rows } = await cohortRows();
    // By hand from the fixture (see cohorts.test.ts): the certificate row (A1, A2) first, then A3's course.
    expect(rows).toHaveLength(2);
    const certificate = rows[0] as HTMLElement;
    const header = within(certificate).getByRole('rowheader');
    expect(header).toHaveTextContent(/^Data Analytics certificate/);
    expect(within(header).getByRole('list', { name: 'Gaps Data Analytics certificate closes' }).textContent).toBe(
      'SQL from level 2 to 4 for Ada Byrne' + 'SQL from level 3 to 4 for Bea Chen' + 'Data visualisation from level 0 to 3 for Ada Byrne, Bea Chen',
    );
    expect(within(header).getByRole('list', { name: 'Courses that earn Data Analytics certificate' }).textContent).toBe('Book SQL Joins and Windows for Ada Byrne' + 'Book Charts that Work for Ada Byrne, Bea Chen');
    // People, weighted gap 6 + 6 + 6 + 3, cost 150 + 2 × 200, hours 10 + 2 × 12.
    expect(within(certificate).getAllByRole('cell').slice(0, 4).map((cell) => cell.textContent)).toEqual(['2', '21', '€550', '34']);
    expect(within(certificate).getByText('Not assigned')).toBeInTheDocument();
    const figures = screen.getByLabelText('Every cohort together');
    expect(figures).toHaveTextContent('Cost of every cohort€75046 hours of courses');
    expect(figures).toHaveTextContent('Weighted gap closed27');
    expect(figures).toHaveTextContent('Already assigned0 of 4');
  });

  it('assigns each member their own courses of the certificate, then says so and offers no second assignment', async () => {
    const user = userEvent.setup();
    renderApp(`/teams/Insights?asOf=${AS_OF}`);
    const { rows } = await cohortRows();
    const certificate = rows[0] as HTMLElement;
    await user.click(within(certificate).getByRole('button', { name: 'Assign to all 2' }));
    await user.click(within(certificate).getByRole('button', { name: 'Assign to 2 people' }));
    await waitFor(async () => expect(within((await cohortRows()).rows[0] as HTMLElement).getByText(/^All 2 assigned · due /)).toBeInTheDocument());
    const after = (await cohortRows()).rows[0] as HTMLElement;
    expect(within(after).queryByRole('button', { name: /^Assign/ })).toBeNull();
    expect(within(after).getByRole('status')).toHaveTextContent('3 goals assigned.');
    const goals = (await api.state.current()).org.goals.map((goal) => [goal.employee, goal.credential]);
    expect(goals).toEqual([
      ['A1', 'sql-joins'],
      ['A1', 'viz-charts'],
      ['A2', 'viz-charts'],
    ]);
    expect(screen.getByLabelText('Every cohort together')).toHaveTextContent('Already assigned3 of 4');
  });

  it('under a draft that leaves the requirements as they are, reads every total stored → draft with no change', async () => {
    await openUnderDraft(analysts().roles);
    const { rows } = await cohortRows();
    const figures = await screen.findByLabelText('Every cohort together');
    // The totals of the first test, both ways.
    expect(figures).toHaveTextContent('Cost of every cohort€750 → €750 (±0)baseline €750, scenario €750, no change');
    expect(figures).toHaveTextContent('Weighted gap closed27 → 27 (±0)');
    expect(within(rows[0] as HTMLElement).getAllByRole('cell')[0]).toHaveTextContent(/^2 → 2 \(±0\)/);
    expect(screen.queryByText('new in this draft')).toBeNull();
  });

  it('under a draft that requires nothing, names the cohorts it no longer recommends', async () => {
    await openUnderDraft([{ id: 'analyst', name: 'Data Analyst', requirements: [] }]);
    expect(await screen.findByText('No course in the catalog closes a gap of this team under this draft.', {}, { timeout: 8000 })).toBeInTheDocument();
    expect(screen.getByText(/^Recommended as stored, not under this what-if draft: /)).toHaveTextContent(/Data Analytics certificate \(2 people\)/);
  });
});
