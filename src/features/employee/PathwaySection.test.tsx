// @vitest-environment jsdom
// A pathway step says which levels it closes and, once assigned, the goal it has (no second Assign).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { createTestApi } from '../../../tests/support/testApi';
import { renderApp } from '../../../tests/support/renderApp';
import { AS_OF, analysts } from '../../domain/recommend/testFixtures';

// A2 (Bea Chen) has an in-progress goal for Charts that Work, the one course of her pathway.
const organisation = analysts({
  goals: [{ id: 'g1', employee: 'A2', credential: 'viz-charts', dueOn: '2026-05-31', kind: 'organisational', status: 'in-progress', assignedBy: 'L&D', createdOn: '2026-02-01' }],
});
const api = createTestApi({ today: AS_OF, organisation });

beforeAll(() => api.server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => api.server.resetHandlers());
afterAll(() => api.server.close());

describe('the best pathway', () => {
  it('shows the levels each step closes and the open goal a step already has', async () => {
    renderApp(`/employees/A2?asOf=${AS_OF}`);
    const course = await screen.findByRole('article', { name: 'Charts that Work' }, { timeout: 8000 });
    expect(course).toHaveTextContent('closes Data visualisation from level 0 to 3');
    expect(course).toHaveTextContent('Goal in progress, due 31 May 2026');
    expect(within(course).queryByRole('button', { name: 'Assign as a goal' })).toBeNull();
    // The certificate it earns closes SQL from her level 3 to the required 4.
    expect(screen.getByRole('article', { name: 'Data Analytics certificate' })).toHaveTextContent('closes SQL from level 3 to 4');
  });
});
