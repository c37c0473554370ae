// @vitest-environment jsdom
// The Goals page under a what-if draft: a draft changes no goal, but its catalog decides which
// credentials are held, so completed and overdue read stored → draft and a goal whose state the
// draft changes says what it was as stored. Against the real handlers (msw), a draft made over the API.
import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { createPageTestApi } from '../../../tests/support/testApi';
import { renderApp } from '../../../tests/support/renderApp';
import { setWhatIf } from '../../api/mutations';
import type { Organisation } from '../../domain/schema';

const TODAY = '2026-11-25';

/** Ada earned SQL Practitioner on 10 Jan 2026 (no expiry); her goal for it was created on 1 Jun, due 1 Nov. */
function organisation(): Organisation {
  return {
    skills: [{ id: 'sql', name: 'SQL', category: 'data' }],
    roles: [{ id: 'analyst', name: 'Analyst', requirements: [{ skill: 'sql', level: 3, weight: 'critical' }] }],
    employees: [{ id: 'e1', name: 'Ada Lovelace', email: 'ada@example.com', team: 'Data', role: 'analyst' }],
    credentials: [{ id: 'sql-3', name: 'SQL Practitioner', issuer: 'Academy', grants: [{ skill: 'sql', level: 3 }], hours: 10, cost: 200, currency: 'EUR' }],
    awards: [{ employee: 'e1', credential: 'sql-3', issuedOn: '2026-01-10', verification: 'verified' }],
    assessments: [],
    goals: [{ id: 'g1', employee: 'e1', credential: 'sql-3', createdOn: '2026-06-01', dueOn: '2026-11-01', status: 'assigned', kind: 'organisational', assignedBy: 'L&D manager' }],
    interests: [],
  };
}

createPageTestApi({ today: TODAY, organisation });

describe('the Goals page under a what-if draft', () => {
  it('reads completed and overdue stored → draft, and gives a changed goal its stored state', async () => {
    // Draft: SQL Practitioner valid 3 months (to 10 Apr). From 1 Jun Ada never holds it: the goal is
    // overdue under the draft, completed as stored.
    const credentials = organisation().credentials.map((credential) => ({ ...credential, validityMonths: 3 }));
    const { id } = await setWhatIf({ kind: 'lnd' }, { credentials });
    const url = `/goals?asOf=${TODAY}&scenario=${id}`;
    window.history.replaceState(null, '', url);
    renderApp(url);
    const table = await screen.findByRole('table', { name: 'Credential goals' }, { timeout: 8000 });
    const figures = screen.getByLabelText('Goal figures');
    expect(figures).toHaveTextContent('Completed1 → 0 (−1)baseline 1, scenario 0, 1 fewer100% → 0%');
    expect(figures).toHaveTextContent('Overdue0 → 1 (+1)baseline 0, scenario 1, 1 more');
    const row = within(table).getAllByRole('row')[1] as HTMLElement;
    expect(within(row).getByText(/^as stored: /)).toHaveTextContent('as stored: Completed');
    expect(within(row).getByText('overdue')).toBeInTheDocument();
  });
});
