// @vitest-environment jsdom
// A long table opens with its first 100 rows (a list of 4,000 teams or 47,000 goals would take
// seconds to render), offers the rest on request, and prints every row.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createTestApi } from '../../tests/support/testApi';
import { renderApp } from '../../tests/support/renderApp';
import { generateOrganisation } from '../domain/demo/generate';

const TODAY = '2026-11-25';
const organisation = generateOrganisation({ employees: 900, teams: 150, seed: 5, asOf: TODAY });
const teams = new Set(organisation.employees.map((employee) => employee.team)).size;
const api = createTestApi({ today: TODAY, organisation });

beforeAll(() => api.server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => api.server.resetHandlers());
afterAll(() => api.server.close());

const bodyRows = (table: HTMLElement) => within(table).getAllByRole('row').length - 1;

describe('a long table', () => {
  it('shows the first 100 teams, then the rest on request', async () => {
    expect(teams).toBeGreaterThan(100);
    const user = userEvent.setup();
    renderApp('/teams');
    const table = await screen.findByRole('table', {}, { timeout: 8000 });
    expect(bodyRows(table)).toBe(100);
    await user.click(screen.getByRole('button', { name: `Show ${teams - 100} more (100 of ${teams} shown)` }));
    expect(bodyRows(table)).toBe(teams);
    expect(screen.queryByRole('button', { name: /^Show \d+ more/ })).toBeNull();
  });

  it('prints every row', async () => {
    renderApp('/teams');
    const table = await screen.findByRole('table', {}, { timeout: 8000 });
    expect(bodyRows(table)).toBe(100);
    act(() => void window.dispatchEvent(new Event('beforeprint')));
    expect(bodyRows(table)).toBe(teams);
    act(() => void window.dispatchEvent(new Event('afterprint')));
    expect(bodyRows(table)).toBe(100);
  });
});
