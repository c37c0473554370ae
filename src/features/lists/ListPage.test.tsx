// @vitest-environment jsdom
// A drill-down list under a what-if draft reads stored → draft: the header's count, each changed
// figure of a row, a "new in this draft" mark on rows the stored list lacks, and the stored rows the
// draft makes disappear listed apart. Against the real handlers (msw), a draft made over the API.
import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createPageTestApi } from '../../../tests/support/testApi';
import { renderApp } from '../../../tests/support/renderApp';
import { setWhatIf } from '../../api/mutations';
import type { Organisation, Requirement } from '../../domain/schema';

const TODAY = '2026-11-25';

/** Data: Ada (no SQL), Alan (SQL 3). Payments: Grace (SQL 3). Analysts need SQL 3, critical. */
function organisation(): Organisation {
  return {
    skills: [{ id: 'sql', name: 'SQL', category: 'data' }],
    roles: [{ id: 'analyst', name: 'Analyst', requirements: [{ skill: 'sql', level: 3, weight: 'critical' }] }],
    employees: [
      { id: 'e1', name: 'Ada Lovelace', email: 'ada@example.com', team: 'Data', role: 'analyst' },
      { id: 'e2', name: 'Alan Turing', email: 'alan@example.com', team: 'Data', role: 'analyst' },
      { id: 'e3', name: 'Grace Hopper', email: 'grace@example.com', team: 'Payments', role: 'analyst' },
    ],
    credentials: [{ id: 'sql-3', name: 'SQL Practitioner', issuer: 'Academy', grants: [{ skill: 'sql', level: 3 }], hours: 10, cost: 200, currency: 'EUR' }],
    awards: [
      { employee: 'e2', credential: 'sql-3', issuedOn: '2026-01-01', verification: 'verified' },
      { employee: 'e3', credential: 'sql-3', issuedOn: '2026-01-01', verification: 'verified' },
    ],
    assessments: [],
    goals: [],
    interests: [],
  };
}

const api = createPageTestApi({ today: TODAY, organisation: organisation });

/** Makes a draft whose Analyst needs `requirements`, and opens the page under it (the address carries the draft). */
async function openUnderDraft(path: string, requirements: Requirement[]) {
  const { id } = await setWhatIf({ kind: 'lnd' }, { roles: [{ id: 'analyst', name: 'Analyst', requirements }] });
  const url = `${path}?asOf=${TODAY}&scenario=${id}`;
  window.history.replaceState(null, '', url);
  renderApp(url);
}

describe('a list under a what-if draft', () => {
  it('shows the count and each changed gap stored → draft, and marks the rows new in the draft', async () => {
    // Draft: SQL 4. Stored, only Ada is short (of 3, by 3); under the draft Ada by 4, Alan and Grace by 1 (new).
    await openUnderDraft('/lists/critical-gaps', [{ skill: 'sql', level: 4, weight: 'critical' }]);
    const table = await screen.findByRole('table', { name: 'Critical gaps' }, { timeout: 8000 });
    expect(screen.getByText(/as of/)).toHaveTextContent('1 → 3 (+2)baseline 1, scenario 3, 2 more rows');
    const rows = within(table).getAllByRole('row').slice(1);
    const byPerson = new Map(rows.map((row) => [within(row).getByRole('rowheader').textContent, within(row).getAllByRole('cell').map((cell) => cell.textContent)]));
    // Required, has, gap: Ada 3 → 4, 0 → 0, 3 → 4.
    expect(byPerson.get('Ada Lovelace')?.slice(3, 6)).toEqual(['3 → 4 (+1)baseline 3, scenario 4, 1 more', '0 → 0 (±0)baseline 0, scenario 0, no change', '3 → 4 (+1)baseline 3, scenario 4, 1 more']);
    expect(byPerson.get('Alan Turingnew in this draft')?.slice(3, 6)).toEqual(['4', '3', '1']);
    expect(byPerson.has('Grace Hoppernew in this draft')).toBe(true);
    expect(screen.queryByRole('heading', { name: 'Gone under this draft' })).toBeNull();
  });

  it('lists apart the stored rows the draft makes disappear', async () => {
    // Draft: SQL no longer required. Stored, Ada's gap and both teams' single SQL holder; under the draft, none.
    await openUnderDraft('/lists/single-points-of-failure', []);
    const gone = await screen.findByRole('region', { name: 'Gone under this draft' }, { timeout: 8000 });
    expect(screen.getByText(/as of/)).toHaveTextContent('2 → 0 (−2)baseline 2, scenario 0, 2 fewer rows');
    expect(screen.getByText('Nothing to list under this draft.')).toBeInTheDocument();
    expect(within(gone).getByText(/^2 rows of the list as stored are not in the draft/)).toBeInTheDocument();
    expect(within(gone).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'SQL in Data — as stored held at level 3 by Alan Turing; under the draft no longer a single point of failure',
      'SQL in Payments — as stored held at level 3 by Grace Hopper; under the draft no longer a single point of failure',
    ]);
  });

  it("a team's gaps in one skill: each gap stored → draft, and those short only as stored named", async () => {
    // Draft: SQL 4. In Data, Ada short of 4 by 4 (stored 3 by 3), Alan new (short by 1).
    await openUnderDraft('/teams/Data/skills/sql', [{ skill: 'sql', level: 4, weight: 'critical' }]);
    const table = await screen.findByRole('table', { name: 'People of Data short of SQL' }, { timeout: 8000 });
    expect(screen.getByText(/below the level their role requires/)).toHaveTextContent(/^1 → 2 \(\+1\)baseline 1, scenario 2, 1 more people below/);
    const [ada, alan] = within(table).getAllByRole('row').slice(1) as HTMLElement[];
    expect(within(ada!).getAllByRole('cell').at(-2)).toHaveTextContent(/^3 → 4 \(\+1\)/);
    expect(within(alan!).getByRole('rowheader')).toHaveTextContent('Alan Turingnew in this draft');
  });

  it("a team's gaps in one skill under a draft that requires nothing: who was short as stored", async () => {
    await openUnderDraft('/teams/Data/skills/sql', []);
    expect(await screen.findByText('Short as stored, not under this draft: Ada Lovelace (has 0, required 3).', {}, { timeout: 8000 })).toBeInTheDocument();
    expect(screen.getByText('Everyone in Data whose role requires SQL meets it under this draft.')).toBeInTheDocument();
  });

  it('shows no comparison without a draft', async () => {
    renderApp(`/lists/critical-gaps?asOf=${TODAY}`);
    const table = await screen.findByRole('table', { name: 'Critical gaps' }, { timeout: 8000 });
    expect(screen.getByText(/as of/)).toHaveTextContent(/^Whole organisation · 1 row · as of/);
    expect(within(table).queryByText(/→|new in this draft/)).toBeNull();
  });

  it('opens with the first 100 rows and adds 100 more on request', async () => {
    // 130 analysts without SQL: 130 critical gaps.
    const many = organisation();
    many.employees = Array.from({ length: 130 }, (_, index) => ({ id: `p${index}`, name: `Person ${String(index).padStart(3, '0')}`, team: 'Data', role: 'analyst' }));
    many.awards = [];
    await api.state.replace(many, 'test: 130 gaps');
    const user = userEvent.setup();
    renderApp(`/lists/critical-gaps?asOf=${TODAY}`);
    const table = await screen.findByRole('table', { name: 'Critical gaps' }, { timeout: 8000 });
    expect(within(table).getAllByRole('row')).toHaveLength(1 + 100);
    expect(screen.getByText(/as of/)).toHaveTextContent('Whole organisation · 130 rows · as of 25 Nov 2026 · the first 100 shown, the export has all');
    await user.click(screen.getByRole('button', { name: 'Show 30 more (100 of 130 shown)' }));
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(1 + 130));
    expect(screen.queryByRole('button', { name: /^Show \d+ more/ })).toBeNull();
  });
});
