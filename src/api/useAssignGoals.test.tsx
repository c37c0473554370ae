// @vitest-environment jsdom
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { act, renderHook, waitFor } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { http, HttpResponse, delay } from 'msw';
import { setupServer } from 'msw/node';
import { useAssignGoals } from './useAssignGoals';
import { gapmapQueries } from './queries';
import type { GoalList, Persona } from './contract';

const persona: Persona = { kind: 'manager', team: 'Data' };
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

const noGoals = { total: 0, completed: 0, overdue: 0, open: 0, completionRate: null };
const emptyList: GoalList = { asOf: '2026-11-25', summary: noGoals, byTeam: [], goals: [], total: 0 };

function setup() {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  const goalsKey = gapmapQueries.goals(persona, undefined, undefined).queryKey;
  queryClient.setQueryData(goalsKey, emptyList);
  const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
  const names = { employees: new Map([['e1', { name: 'Ada Lovelace', team: 'Data' }]]), credentialName: 'SQL Practitioner' };
  const { result } = renderHook(() => useAssignGoals(persona, names), { wrapper });
  return { assignment: result, queryClient, goalsKey };
}

const request = { employees: ['e1'], credential: 'sql-3', dueOn: '2027-03-01', kind: 'organisational' as const };

describe('assigning goals optimistically', () => {
  it('shows the goal at once and takes it back, with the API’s reason, when the API refuses', async () => {
    server.use(
      http.post('/api/goals', async () => {
        await delay(50);
        return HttpResponse.json({ error: 'forbidden', message: 'A manager of Data cannot see the team Payments.' }, { status: 403 });
      }),
      http.get('/api/goals', () => HttpResponse.json(emptyList)),
    );
    const { assignment, queryClient, goalsKey } = setup();
    act(() => assignment.current.mutate(request));
    await waitFor(() => expect(queryClient.getQueryData<GoalList>(goalsKey)?.goals.map((goal) => goal.employeeName)).toEqual(['Ada Lovelace']));
    await waitFor(() => expect(assignment.current.isError).toBe(true));
    expect(assignment.current.error?.message).toBe('A manager of Data cannot see the team Payments.');
    expect(queryClient.getQueryData<GoalList>(goalsKey)?.goals).toEqual([]);
  });

  it('keeps what the API created once it accepts', async () => {
    const created = { id: 'e1:sql-3:2026-11-25', employee: 'e1', credential: 'sql-3', dueOn: '2027-03-01', kind: 'organisational', status: 'assigned', assignedBy: 'Manager of Data', createdOn: '2026-11-25' };
    server.use(
      http.post('/api/goals', () => HttpResponse.json({ created: [created], skipped: [] }, { status: 201 })),
      http.get('/api/goals', () =>
        HttpResponse.json({ asOf: '2026-11-25', summary: { ...noGoals, total: 1, open: 1, completionRate: 0 }, byTeam: [], goals: [{ goal: created, employeeName: 'Ada Lovelace', team: 'Data', credentialName: 'SQL Practitioner', completed: false, overdue: false, status: 'assigned' }], total: 1 }),
      ),
    );
    const { assignment, queryClient, goalsKey } = setup();
    act(() => assignment.current.mutate(request));
    await waitFor(() => expect(assignment.current.isSuccess).toBe(true));
    // The optimistic row is only a placeholder: the list is marked stale and the next view reads the API's.
    await waitFor(() => expect(queryClient.getQueryState(goalsKey)?.isInvalidated).toBe(true));
    const reread = await queryClient.fetchQuery({ ...gapmapQueries.goals(persona, undefined, undefined), staleTime: 0 });
    expect(reread.goals.map((goal) => goal.goal.id)).toEqual(['e1:sql-3:2026-11-25']);
  });
});
