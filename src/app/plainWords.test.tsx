// @vitest-environment jsdom
// The words around the figures: a glossary every figure links to, evidence choices that do what
// they say, one date format with a way back to today, and pages that say what happened.
import { afterAll, afterEach, beforeAll, describe, expect, it, onTestFinished, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createTestApi } from '../../tests/support/testApi';
import { renderApp } from '../../tests/support/renderApp';
import { demoOrganisation } from '../domain/demo/generate';

const TODAY = '2026-11-25';
const organisation = demoOrganisation(TODAY);
const api = createTestApi({ today: TODAY, organisation });
const teams = [...new Set(organisation.employees.map((employee) => employee.team))].sort();

beforeAll(() => {
  api.server.listen({ onUnhandledRequest: 'error' });
  // jsdom has no layout: the router scrolls to a link's #hash with scrollIntoView.
  Element.prototype.scrollIntoView = () => undefined;
});
afterEach(() => api.server.resetHandlers());
afterAll(() => api.server.close());

describe('the glossary', () => {
  it('is linked from every headline figure of the Overview, and explains the term in plain words', async () => {
    const user = userEvent.setup();
    const { history } = renderApp('/');
    const figures = await screen.findByLabelText('Headline figures', {}, { timeout: 8000 });
    const terms = within(figures).getAllByRole('term');
    const links = within(figures).getAllByRole('link', { name: /^What does/ });
    expect(links).toHaveLength(terms.length);
    await user.click(within(figures).getByRole('link', { name: 'What does “single points of failure” mean?' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'What the figures mean' })).toBeInTheDocument();
    expect(history.location.hash.replace(/^#/, '')).toBe('single-point-of-failure');
    const meanings = screen.getAllByRole('definition').map((definition) => definition.textContent);
    const termsShown = screen.getAllByRole('term').map((term) => term.textContent);
    expect(meanings[termsShown.indexOf('Single point of failure')]).toMatch(/one person or nobody holds/);
    // "Bench" is not a word the page uses: the glossary names it in plain words.
    expect(screen.getByText('People ready to cover', { selector: 'dt' })).toBeInTheDocument();
    expect(screen.queryByText(/\bbench\b/i)).not.toBeInTheDocument();
  });
});

describe('the evidence choice', () => {
  it('offers exactly the three choices, and writes each to the URL', async () => {
    const user = userEvent.setup();
    const { history } = renderApp('/teams');
    const choice = await screen.findByLabelText('Evidence counted', {}, { timeout: 8000 });
    expect(within(choice).getAllByRole('option').map((option) => option.textContent)).toEqual(['All evidence', 'Verified credentials and assessments', 'Verified credentials only']);
    expect(choice).toHaveValue('');
    await user.selectOptions(choice, 'Verified credentials and assessments');
    await waitFor(() => expect(history.location.search).toContain('evidence=verified'));
    await user.selectOptions(screen.getByLabelText('Evidence counted'), 'Verified credentials only');
    await waitFor(() => expect(history.location.search).toContain('evidence=credentials'));
    await user.selectOptions(screen.getByLabelText('Evidence counted'), 'All evidence');
    await waitFor(() => expect(history.location.search).not.toContain('evidence='));
  });

  it('reads evidence=all as all evidence', async () => {
    renderApp('/teams?evidence=all');
    expect(await screen.findByLabelText('Evidence counted', {}, { timeout: 8000 })).toHaveValue('');
    expect(await screen.findByRole('table', {}, { timeout: 8000 })).toBeInTheDocument();
  });
});

describe('the as-of date', () => {
  it('shows today as day, month name and year, moves to another day, and comes back with Today', async () => {
    // Today is where the user is: the page's clock, fixed here to the day the test organisation is at.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(2026, 10, 25, 12));
    onTestFinished(() => void vi.useRealTimers());
    const user = userEvent.setup();
    const { history } = renderApp('/');
    const picker = await screen.findByRole('group', { name: 'As of' }, { timeout: 8000 });
    await waitFor(() => expect(within(picker).getByLabelText('Day')).toHaveValue('25'));
    expect(within(picker).getByLabelText('Month')).toHaveDisplayValue('Nov');
    expect(within(picker).getByLabelText('Year')).toHaveValue('2026');
    expect(within(picker).getByRole('button', { name: 'Back to today' })).toBeDisabled();
    expect(await screen.findByText(/employees in .* · as of 25 Nov 2026/, {}, { timeout: 8000 })).toBeInTheDocument();

    await user.selectOptions(within(picker).getByLabelText('Month'), 'Feb');
    // 25 February exists; the day is kept.
    await waitFor(() => expect(history.location.search).toContain('asOf=2026-02-25'));
    expect(await screen.findByText(/employees in .* · as of 25 Feb 2026/, {}, { timeout: 8000 })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Back to today' }));
    await waitFor(() => expect(history.location.search).not.toContain('asOf='));
  });

  it('keeps a day that the new month lacks inside the month (31 → 30 April)', async () => {
    const user = userEvent.setup();
    const { history } = renderApp('/?asOf=2026-03-31');
    const picker = await screen.findByRole('group', { name: 'As of' }, { timeout: 8000 });
    await waitFor(() => expect(within(picker).getByLabelText('Day')).toHaveValue('31'));
    await user.selectOptions(within(picker).getByLabelText('Month'), 'Apr');
    await waitFor(() => expect(history.location.search).toContain('asOf=2026-04-30'));
  });
});

describe('pages that say what happened', () => {
  it('an unknown employee id is "Not found", with a way back, never "Something went wrong"', async () => {
    renderApp('/employees/no-such-person');
    expect(await screen.findByRole('heading', { level: 1, name: 'Not found' }, { timeout: 8000 })).toBeInTheDocument();
    expect(screen.getByText(/Gapmap has no employee with id “no-such-person”/)).toBeInTheDocument();
    expect(screen.queryByText(/Something went wrong/)).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go to the list of teams' })).toBeInTheDocument();
  });

  it("a manager opening another team sees no title and no Export, only why and a link to their team", async () => {
    const [own = '', other = ''] = teams;
    renderApp(`/teams/${encodeURIComponent(other)}`, { kind: 'manager', team: own });
    expect(await screen.findByRole('heading', { level: 1, name: 'Not allowed' }, { timeout: 8000 })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: other })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Export/ })).not.toBeInTheDocument();
    expect(screen.getByText(new RegExp(`manager of ${own}`))).toBeInTheDocument();
    expect(screen.getByRole('link', { name: `Go to your team, ${own}` })).toHaveAttribute('href', `/teams/${encodeURIComponent(own)}`);
  });

  it("a manager opening another team's heatmap is told the same, without the Export button", async () => {
    const [own = '', other = ''] = teams;
    renderApp(`/heatmap?team=${encodeURIComponent(other)}`, { kind: 'manager', team: own });
    expect(await screen.findByRole('heading', { level: 1, name: 'Not allowed' }, { timeout: 8000 })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Export/ })).not.toBeInTheDocument();
  });
});
