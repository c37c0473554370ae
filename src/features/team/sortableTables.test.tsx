// @vitest-environment jsdom
// The Teams list and a team's Members table sort by their column headers, keep the sort in the
// URL, and open members largest gap first.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createTestApi } from '../../../tests/support/testApi';
import { renderApp } from '../../../tests/support/renderApp';
import { demoOrganisation } from '../../domain/demo/generate';
import { prepareOrganisation, teamReadiness } from '../../domain/engine';
import { requirementStatuses } from '../../domain/engine/gaps';

const TODAY = '2026-11-25';
const organisation = demoOrganisation(TODAY);
const api = createTestApi({ today: TODAY, organisation });
const eo = prepareOrganisation(organisation);
const teamNames = [...new Set(organisation.employees.map((employee) => employee.team))];

beforeAll(() => api.server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => api.server.resetHandlers());
afterAll(() => api.server.close());

/** The text of the first cell (the row header) of every body row. */
function rowHeaders(table: HTMLElement): string[] {
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('rowheader')[0]?.textContent ?? '');
}

describe('the Teams table', () => {
  it('lists teams by name, and by readiness (lowest first, then highest) when its header is clicked, with the sort in the URL', async () => {
    const user = userEvent.setup();
    const { history } = renderApp('/teams');
    const table = await screen.findByRole('table', {}, { timeout: 8000 });
    const byName = [...teamNames].sort((a, b) => a.localeCompare(b, 'en-GB', { numeric: true }));
    expect(rowHeaders(table)).toEqual(byName);
    expect(within(table).getByRole('columnheader', { name: /^Team/ })).toHaveAttribute('aria-sort', 'ascending');

    // Independent reference: the engine's readiness per team, ordered by plain numeric comparison.
    const readiness = new Map(teamNames.map((team) => [team, teamReadiness(eo, team, TODAY)]));
    const lowestFirst = [...teamNames].sort((a, b) => (readiness.get(a) ?? 0) - (readiness.get(b) ?? 0) || a.localeCompare(b, 'en-GB', { numeric: true }));
    await user.click(within(table).getByRole('button', { name: /^Readiness/ }));
    await waitFor(() => expect(rowHeaders(screen.getByRole('table'))).toEqual(lowestFirst));
    expect(screen.getByRole('columnheader', { name: /^Readiness/ })).toHaveAttribute('aria-sort', 'ascending');
    expect(screen.getByRole('columnheader', { name: /^Team/ })).not.toHaveAttribute('aria-sort');
    expect(history.location.search).toContain('sort=readiness.asc');

    await user.click(screen.getByRole('button', { name: /^Readiness/ }));
    await waitFor(() => expect(screen.getByRole('columnheader', { name: /^Readiness/ })).toHaveAttribute('aria-sort', 'descending'));
    expect(rowHeaders(screen.getByRole('table'))[0]).toBe([...lowestFirst].reverse().find((team) => readiness.get(team) === Math.max(...readiness.values())));
    expect(history.location.search).toContain('sort=readiness.desc');
  });

  it('opens in the sort its URL names', async () => {
    renderApp('/teams?sort=members.desc');
    const table = await screen.findByRole('table', {}, { timeout: 8000 });
    const size = (team: string) => organisation.employees.filter((employee) => employee.team === team).length;
    const counts = rowHeaders(table).map(size);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });

  it('falls back to by-name for an unknown sort', async () => {
    renderApp('/teams?sort=salary.desc');
    const table = await screen.findByRole('table', {}, { timeout: 8000 });
    expect(within(table).getByRole('columnheader', { name: /^Team/ })).toHaveAttribute('aria-sort', 'ascending');
  });
});

describe("a team's Members table", () => {
  it('opens with the largest gaps first, and sorts by name when asked', async () => {
    const user = userEvent.setup();
    const team = [...teamNames].sort()[0] ?? '';
    renderApp(`/teams/${encodeURIComponent(team)}`);
    const members = await screen.findByRole('region', { name: /^Members with readiness/ }, { timeout: 8000 });
    const table = within(members).getByRole('table');
    // Independent reference: count each member's unmet requirements from the engine.
    const gapsOf = new Map(organisation.employees.filter((employee) => employee.team === team).map((employee) => [employee.name, requirementStatuses(eo, employee.id, TODAY).filter((status) => status.gap > 0).length]));
    const shown = rowHeaders(table).map((name) => gapsOf.get(name));
    expect(shown).toHaveLength(gapsOf.size);
    expect(shown).toEqual([...shown].sort((a, b) => (b ?? 0) - (a ?? 0)));
    expect(within(table).getByRole('columnheader', { name: /^Gaps/ })).toHaveAttribute('aria-sort', 'descending');

    await user.click(within(table).getByRole('button', { name: /^Name/ }));
    await waitFor(() => expect(rowHeaders(within(screen.getByRole('region', { name: /^Members/ })).getByRole('table'))).toEqual([...gapsOf.keys()].sort((a, b) => a.localeCompare(b, 'en-GB', { numeric: true, sensitivity: 'base' }))));
  });
});
