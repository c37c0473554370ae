// @vitest-environment jsdom
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { createTestApi } from '../../../tests/support/testApi';
import { renderApp } from '../../../tests/support/renderApp';
import { demoOrganisation } from '../../domain/demo/generate';
import { overviewFigures, prepareOrganisation } from '../../domain/engine';

const TODAY = '2026-11-25';
const organisation = demoOrganisation(TODAY);
const api = createTestApi({ today: TODAY, organisation });

beforeAll(() => api.server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => api.server.resetHandlers());
afterAll(() => api.server.close());

describe('the Overview page', () => {
  it('shows the readiness, critical gaps and expiring counts the engine computes for the organisation', async () => {
    renderApp(`/?asOf=${TODAY}`);
    const figures = await screen.findByLabelText('Headline figures', {}, { timeout: 8000 });
    const expected = overviewFigures(prepareOrganisation(organisation), TODAY);
    const labels = within(figures).getAllByRole('term').map((term) => term.textContent);
    const values = within(figures).getAllByRole('definition');
    const valueOf = (label: string) => values[labels.indexOf(label)];
    expect(valueOf('Readiness')).toHaveTextContent(`${(expected.readiness * 100).toFixed(1)}%`);
    expect(valueOf('Critical gaps')).toHaveTextContent(new RegExp(`^${expected.criticalGaps}\\D`));
    expect(valueOf('Expiring in 90 days')).toHaveTextContent(new RegExp(`^${expected.expiringCount}\\D`));
    expect(screen.getByRole('heading', { name: 'Top gaps by weighted gap' })).toBeInTheDocument();
  });

  it('scopes a manager to their own team', async () => {
    const team = [...new Set(organisation.employees.map((employee) => employee.team))].sort()[0] ?? '';
    const members = organisation.employees.filter((employee) => employee.team === team).length;
    renderApp('/', { kind: 'manager', team });
    expect(await screen.findByText(new RegExp(`${team} · ${members} employees in 1 team\\b`), {}, { timeout: 8000 })).toBeInTheDocument();
  });
});
