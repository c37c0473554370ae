// Every problem of the import with its file, row, column, value and message: filterable, and
// downloadable in full as CSV (the table shows the first ones; a broken million-row file has many).
import { useId, useMemo, useState } from 'react';
import type { ImportIssue } from '../../domain/csv';
import { formatCount } from '../../components/format';

interface IssuesPanelProps {
  issues: ImportIssue[];
  errors: number;
  warnings: number;
  onDownload: () => void;
}

const SHOWN = 200;

export function IssuesPanel({ issues, errors, warnings, onDownload }: IssuesPanelProps) {
  const [file, setFile] = useState('');
  const [column, setColumn] = useState('');
  const [severity, setSeverity] = useState('');
  const fileId = useId();
  const columnId = useId();
  const severityId = useId();
  const files = useMemo(() => [...new Set(issues.map((issue) => issue.file))].sort(), [issues]);
  const columns = useMemo(() => [...new Set(issues.filter((issue) => !file || issue.file === file).map((issue) => issue.column))].sort(), [issues, file]);
  const shown = issues.filter((issue) => (!file || issue.file === file) && (!column || issue.column === column) && (!severity || issue.severity === severity));
  const total = errors + warnings;
  if (total === 0) return <p role="status">No problems found in these files.</p>;
  return (
    <section aria-labelledby="issues-title">
      <h3 id="issues-title">Problems</h3>
      <p role={errors > 0 ? 'alert' : 'status'}>
        {formatCount(errors)} error{errors === 1 ? '' : 's'} and {formatCount(warnings)} warning{warnings === 1 ? '' : 's'}
        {issues.length < total ? ` (the first ${formatCount(issues.length)} are listed here; the download has them all)` : ''}.
      </p>
      <div className="import-filters">
        <label htmlFor={fileId}>File</label>
        <select id={fileId} value={file} onChange={(event) => { setFile(event.target.value); setColumn(''); }}>
          <option value="">all files</option>
          {files.map((name) => <option key={name} value={name}>{name}</option>)}
        </select>
        <label htmlFor={columnId}>Column</label>
        <select id={columnId} value={column} onChange={(event) => setColumn(event.target.value)}>
          <option value="">all columns</option>
          {columns.map((name) => <option key={name} value={name}>{name || '(whole file or row)'}</option>)}
        </select>
        <label htmlFor={severityId}>Severity</label>
        <select id={severityId} value={severity} onChange={(event) => setSeverity(event.target.value)}>
          <option value="">errors and warnings</option>
          <option value="error">errors</option>
          <option value="warning">warnings</option>
        </select>
        <button type="button" onClick={onDownload}>Download all problems as CSV</button>
      </div>
      <div className="table-scroll">
        <table className="import-issues">
          <caption className="visually-hidden">Problems found ({formatCount(shown.length)} shown)</caption>
          <thead>
            <tr>
              <th scope="col">File</th>
              <th scope="col">Row</th>
              <th scope="col">Column</th>
              <th scope="col">Value</th>
              <th scope="col">Severity</th>
              <th scope="col">Message</th>
            </tr>
          </thead>
          <tbody>
            {shown.slice(0, SHOWN).map((issue, index) => (
              <tr key={index} className={issue.severity === 'error' ? 'issue-error' : 'issue-warning'}>
                <td>{issue.file}</td>
                <td>{issue.row === 0 ? 'file' : (issue.cell ?? issue.row)}</td>
                <td>{issue.column}</td>
                <td>{issue.value}</td>
                <td>{issue.severity}</td>
                <td>{issue.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {shown.length > SHOWN ? <p>{formatCount(shown.length - SHOWN)} more match these filters: download the CSV to see them all.</p> : null}
    </section>
  );
}
