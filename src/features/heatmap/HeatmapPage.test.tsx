// @vitest-environment jsdom
// The organisation heatmap read from its compact answer (src/api/heatmapCells.ts) through the real
// API: each drawn cell says its share, who needs it and what is not required; each team its figures.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { createTestApi } from '../../../tests/support/testApi';
import { renderApp } from '../../../tests/support/renderApp';
import { sendRequest } from '../../api/transport';
import type { Organisation } from '../../domain/schema';

const TODAY = '2026-11-25';
// Data: two analysts need SQL 3, one has it (50%); Payments: one engineer needs Python 2 and has it
// (100%), nobody in Payments needs SQL and nobody in Data needs Python.
const organisation: Organisation = {
  skills: [
    { id: 'sql', name: 'SQL', category: 'data' },
    { id: 'py', name: 'Python', category: 'data' },
  ],
  roles: [
    { id: 'analyst', name: 'Analyst', requirements: [{ skill: 'sql', level: 3, weight: 'critical' }] },
    { id: 'engineer', name: 'Engineer', requirements: [{ skill: 'py', level: 2, weight: 'important' }] },
  ],
  employees: [
    { id: 'e1', name: 'Ada Byrne', team: 'Data', role: 'analyst' },
    { id: 'e2', name: 'Alan Ng', team: 'Data', role: 'analyst' },
    { id: 'e3', name: 'Zoë Park', team: 'Payments', role: 'engineer' },
  ],
  credentials: [],
  awards: [],
  assessments: [
    { employee: 'e1', skill: 'sql', level: 3, source: 'manager', assessedOn: '2026-10-01' },
    { employee: 'e3', skill: 'py', level: 2, source: 'manager', assessedOn: '2026-10-01' },
  ],
  goals: [],
  interests: [],
};
const api = createTestApi({ today: TODAY, organisation });

// jsdom has no layout: give elements a viewport-sized box so the virtualiser draws rows.
beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 1200 });
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 600 });
  api.server.listen({ onUnhandledRequest: 'error' });
});
afterEach(() => api.server.resetHandlers());
afterAll(() => api.server.close());

describe('the organisation heatmap', () => {
  it('draws every team and skill from the compact answer: shares, counts, not required, and each team’s figures', async () => {
    renderApp('/heatmap');
    const grid = await screen.findByRole('grid', { name: 'Coverage per team and skill' }, { timeout: 8000 });
    // Sorted by name: teams Data, Payments; skills Python, SQL.
    expect(within(grid).getAllByRole('columnheader').map((header) => header.textContent)).toEqual(['Team', 'Python', 'SQL']);
    expect(within(grid).getAllByRole('rowheader').map((header) => header.textContent)).toEqual(['Data2 people · readiness 50%', 'Payments1 people · readiness 100%']);
    expect(within(grid).getAllByRole('gridcell').map((cell) => [cell.textContent, cell.getAttribute('aria-label')])).toEqual([
      ['–', 'Data, Python: no role in the team requires it'],
      ['50%', 'Data, SQL: 50% of 2 people who need it meet the level'],
      ['✓ 100%', 'Payments, Python: 100% of 1 people who need it meet the level'],
      ['–', 'Payments, SQL: no role in the team requires it'],
    ]);
  });

  it('under a what-if draft marks the cells the draft changes with Δ and says what they were as stored', async () => {
    // The draft (its roles, every one): analysts also need Python 2. Nobody in Data has it: 0% where nothing was required.
    const draftRoles = [
      { id: 'analyst', name: 'Analyst', requirements: [{ skill: 'sql', level: 3, weight: 'critical' }, { skill: 'py', level: 2, weight: 'important' }] },
      { id: 'engineer', name: 'Engineer', requirements: [{ skill: 'py', level: 2, weight: 'important' }] },
    ];
    const response = await sendRequest(new URL('/api/whatif', location.href).href, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ roles: draftRoles }) });
    const { id } = (await response.json()) as { id: string };
    // The page sends the draft its address names.
    window.history.replaceState(null, '', `/heatmap?scenario=${id}`);
    renderApp(`/heatmap?scenario=${id}`);
    const grid = await screen.findByRole('grid', { name: 'Coverage per team and skill' }, { timeout: 8000 });
    // Readiness = Σ w·min(E,R) / Σ w·R (critical 3, important 2). Data stored: Ada 9/9, Alan 0/9 → 50%;
    // draft: Ada (9 + 0)/13, Alan 0/13 → 9/26 = 35%. Payments: 100% both.
    expect(within(grid).getAllByRole('rowheader').map((header) => header.textContent)).toEqual(['Data2 people · readiness 50% → 35% (−15 pts)', 'Payments1 people · readiness 100% → 100% (±0)']);
    expect(within(grid).getAllByRole('gridcell').map((cell) => [cell.textContent, cell.getAttribute('aria-label')])).toEqual([
      ['Δ 0%', 'Data, Python: 0% of 2 people who need it meet the level; what-if baseline —, scenario 0% (not required as stored)'],
      ['50%', 'Data, SQL: 50% of 2 people who need it meet the level'],
      ['✓ 100%', 'Payments, Python: 100% of 1 people who need it meet the level'],
      ['–', 'Payments, SQL: no role in the team requires it'],
    ]);
    window.history.replaceState(null, '', '/');
  });
});
