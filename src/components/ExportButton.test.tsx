// @vitest-environment jsdom
// The export buttons: CSV with the Excel option, an Excel workbook asked of the backend, and — when
// the report is longer than a sheet — the offer of one sheet per team, which the backend then builds.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { ExportButton } from './ExportButton';

const saved = vi.hoisted(() => [] as { fileName: string; type: string }[]);
vi.mock('./download', () => ({ downloadBlob: (fileName: string, blob: Blob) => saved.push({ fileName, type: blob.type }) }));

const asked: string[] = [];
const server = setupServer(
  http.get('/api/reports/gaps', ({ request }) => {
    const url = new URL(request.url);
    asked.push(url.search);
    if (url.searchParams.get('format') === 'xlsx' && url.searchParams.get('sheets') !== 'team') {
      return HttpResponse.json({ error: 'too-many-rows', message: 'This report has 1200000 rows, more than an Excel sheet holds.' }, { status: 422 });
    }
    const type = url.searchParams.get('format') === 'xlsx' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv';
    return new HttpResponse(new Uint8Array([0x50, 0x4b, 0x03, 0x04]), { headers: { 'content-type': type } });
  }),
);

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  asked.length = 0;
  saved.length = 0;
});
afterAll(() => server.close());

function renderButton() {
  render(
    <QueryClientProvider client={new QueryClient()}>
      <ExportButton persona={{ kind: 'hr' }} path="/reports/gaps" params={{ format: 'long', team: 'Data' }} fileName="gap-report-long-Data-2026-11-25.csv" label="Download the gap report" />
    </QueryClientProvider>,
  );
}

describe('an export button', () => {
  it('downloads the CSV, with the Excel option when ticked', async () => {
    const user = userEvent.setup();
    renderButton();
    const group = screen.getByRole('group', { name: 'Download the gap report' });
    await user.click(screen.getByRole('checkbox', { name: /Excel \(BOM, ;\)/ }));
    await user.click(screen.getByRole('button', { name: 'Download the gap report' }));
    expect(group).toBeInTheDocument();
    await vi.waitFor(() => expect(saved).toEqual([{ fileName: 'gap-report-long-Data-2026-11-25.csv', type: 'text/csv' }]));
    expect(asked).toEqual(['?format=long&team=Data&bom=1&delimiter=%3B']);
  });

  it('offers one sheet per team when the report is too long for one, and downloads that workbook', async () => {
    const user = userEvent.setup();
    renderButton();
    await user.click(screen.getByRole('button', { name: 'Excel workbook (.xlsx)' }));
    expect(await screen.findByText(/more than an Excel sheet holds/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Excel workbook, one sheet per team' }));
    await vi.waitFor(() => expect(saved).toEqual([{ fileName: 'gap-report-long-Data-2026-11-25-by-team.xlsx', type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }]));
    expect(asked).toEqual(['?format=xlsx&team=Data', '?format=xlsx&team=Data&sheets=team']);
  });
});
