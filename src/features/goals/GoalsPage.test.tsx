// @vitest-environment jsdom
// The Goals page finds goals by words of the person, team or credential, accents or not, and keeps
// the words in the address.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createTestApi } from '../../../tests/support/testApi';
import { renderApp } from '../../../tests/support/renderApp';
import type { Organisation } from '../../domain/schema';

const TODAY = '2026-11-25';
const organisation: Organisation = {
  skills: [{ id: 'sql', name: 'SQL', category: 'data' }],
  roles: [{ id: 'analyst', name: 'Analyst', requirements: [{ skill: 'sql', level: 3, weight: 'critical' }] }],
  employees: [
    { id: 'e1', name: 'Zoë Ng', team: 'Data', role: 'analyst' },
    { id: 'e2', name: 'Ada Byrne', team: 'Payments', role: 'analyst' },
  ],
  credentials: [
    { id: 'sql-3', name: 'SQL Practitioner', issuer: 'Academy', grants: [{ skill: 'sql', level: 3 }] },
    { id: 'py-2', name: 'Python Basics', issuer: 'Academy', grants: [] },
  ],
  awards: [],
  assessments: [],
  goals: [
    { id: 'g1', employee: 'e1', credential: 'sql-3', dueOn: '2027-01-31', kind: 'organisational', status: 'assigned', assignedBy: 'L&D', createdOn: '2026-11-01' },
    { id: 'g2', employee: 'e2', credential: 'sql-3', dueOn: '2027-01-31', kind: 'organisational', status: 'assigned', assignedBy: 'L&D', createdOn: '2026-11-01' },
    { id: 'g3', employee: 'e1', credential: 'py-2', dueOn: '2027-01-31', kind: 'personal', status: 'assigned', assignedBy: 'Zoë Ng', createdOn: '2026-11-01' },
  ],
  interests: [],
};
const api = createTestApi({ today: TODAY, organisation });

beforeAll(() => api.server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => api.server.resetHandlers());
afterAll(() => api.server.close());

const people = (table: HTMLElement) => within(table).getAllByRole('rowheader').map((cell) => cell.textContent);

describe('finding goals', () => {
  it('narrows the goals to those whose person, team or credential has every word, accents aside', async () => {
    const user = userEvent.setup();
    const { history } = renderApp('/goals');
    const table = await screen.findByRole('table', { name: 'Credential goals' }, { timeout: 8000 });
    expect(people(table)).toHaveLength(3);
    await user.type(screen.getByLabelText('Find'), 'zoe sql');
    await waitFor(() => expect(people(table)).toEqual(['Zoë Ng']));
    expect(screen.getByText('1 shown')).toBeInTheDocument();
    expect(history.location.search).toContain('find=zoe');
    await user.clear(screen.getByLabelText('Find'));
    await user.type(screen.getByLabelText('Find'), 'payments');
    await waitFor(() => expect(people(table)).toEqual(['Ada Byrne']));
  });
});
