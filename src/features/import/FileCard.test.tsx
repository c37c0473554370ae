// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FileCard } from './FileCard';
import { IssuesPanel } from './IssuesPanel';
import type { SessionFile } from './useImportSession';

const employees: SessionFile = {
  id: 'f1', fileName: 'employees.csv', kind: 'employees', encoding: 'utf-8', bom: true, delimiter: ';',
  headers: ['Emp No', 'First Name', 'Last Name', 'E-mail Address', 'Dept', 'Job Title', 'Boss Ref', 'Office'],
  mapping: { employee_id: 0, first_name: 1, last_name: 2, email: 3, team: 4, role: 5, location: 7 },
  wide: false, rowCount: 8, recordCount: 8, pending: [], errors: 0, warnings: 0, options: {}, readMs: 12, size: 788,
};

const awards: SessionFile = {
  ...employees, id: 'f2', fileName: 'awards.csv', kind: 'awards', bom: false,
  headers: ['Emp No', 'Course Code', 'Date Issued', 'Valid Until'],
  mapping: { employee_id: 0, credential_id: 1, issued_on: 2, expires_on: 3 },
  pending: [{ type: 'date-order', column: 'Valid Until', samples: ['03/04/2026', '02/01/2027'] }],
};

describe('a file card', () => {
  it('shows what was detected, in words', () => {
    render(<FileCard file={employees} disabled={false} onConfigure={() => undefined} onRemove={() => undefined} />);
    const card = screen.getByRole('article', { name: 'employees.csv' });
    expect(card).toHaveTextContent('UTF-8 with BOM');
    expect(card).toHaveTextContent('semicolon');
    expect(within(card).getByLabelText('Holds')).toHaveValue('employees');
  });

  it('reads the file again with a column the user mapped, keeping the kind', async () => {
    const onConfigure = vi.fn();
    render(<FileCard file={employees} disabled={false} onConfigure={onConfigure} onRemove={() => undefined} />);
    await userEvent.selectOptions(screen.getByLabelText(/^manager_id/), 'Boss Ref');
    expect(onConfigure).toHaveBeenCalledWith({ kind: 'employees', mapping: { ...employees.mapping, manager_id: 6 } });
  });

  it('offers the sheets of a workbook and reads the one the user picks', async () => {
    const workbook: SessionFile = { ...awards, fileName: 'lms.xlsx', pending: [], sheet: 'Read me', sheets: ['Read me', 'Awards'], options: {} };
    const onConfigure = vi.fn();
    render(<FileCard file={workbook} disabled={false} onConfigure={onConfigure} onRemove={() => undefined} />);
    const card = screen.getByRole('article', { name: 'lms.xlsx' });
    expect(card).toHaveTextContent('Excel workbook2 sheets');
    expect(card).not.toHaveTextContent('Delimiter');
    expect(within(card).getByLabelText('Sheet')).toHaveValue('Read me');
    await userEvent.selectOptions(within(card).getByLabelText('Sheet'), 'Awards');
    expect(onConfigure).toHaveBeenCalledWith({ sheet: 'Awards' });
  });

  it('marks the required fields', () => {
    render(<FileCard file={employees} disabled={false} onConfigure={() => undefined} onRemove={() => undefined} />);
    expect(within(screen.getByRole('rowheader', { name: /^team/ })).getByTitle('required')).toBeInTheDocument();
    expect(within(screen.getByRole('rowheader', { name: /^location/ })).queryByTitle('required')).toBeNull();
  });

  it('asks for the order of an ambiguous date column and never picks one itself', async () => {
    const onConfigure = vi.fn();
    render(<FileCard file={awards} disabled={false} onConfigure={onConfigure} onRemove={() => undefined} />);
    const choice = screen.getByLabelText(/Dates in “Valid Until” \(e\.g\. 03\/04\/2026, 02\/01\/2027\) are/);
    expect(choice).toHaveValue('');
    await userEvent.selectOptions(choice, 'MDY');
    expect(onConfigure).toHaveBeenCalledWith({ dateOrderByColumn: { 'Valid Until': 'MDY' } });
  });
});

describe('the problems table', () => {
  const issues = [
    { file: 'awards.csv', row: 3, column: 'employee_id', value: 'H999', message: 'no employee "H999"', severity: 'error' as const },
    { file: 'awards.csv', row: 5, column: 'issued_on', value: '2025-02-30', message: 'not a calendar date', severity: 'error' as const },
    { file: 'roles.csv', row: 0, column: '', value: '', message: 'skill created', severity: 'warning' as const },
  ];

  it('announces the errors and filters by severity and file', async () => {
    render(<IssuesPanel issues={issues} errors={2} warnings={1} onDownload={() => undefined} />);
    expect(screen.getByRole('alert')).toHaveTextContent('2 errors and 1 warning');
    await userEvent.selectOptions(screen.getByLabelText('Severity'), 'warning');
    expect(screen.getAllByRole('row')).toHaveLength(2);
    await userEvent.selectOptions(screen.getByLabelText('Severity'), '');
    await userEvent.selectOptions(screen.getByLabelText('File'), 'awards.csv');
    const rows = screen.getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getAllByRole('cell')[1]?.textContent)).toEqual(['3', '5']);
  });

  it('offers the download of every problem', async () => {
    const onDownload = vi.fn();
    render(<IssuesPanel issues={issues} errors={2} warnings={1} onDownload={onDownload} />);
    await userEvent.click(screen.getByRole('button', { name: 'Download all problems as CSV' }));
    expect(onDownload).toHaveBeenCalledOnce();
  });
});
