// Reports (SPEC §5): the gap reports as CSV, byte for byte what `gapmap report` writes.
import { useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { getText } from '../../api/client';
import { gapmapQueries } from '../../api/queries';
import { useViewContext } from '../../components/useViewContext';
import { ErrorMessage } from '../../components/QueryState';
import { downloadText } from '../../components/download';
import { formatDate } from '../../components/format';

export function ReportsPage() {
  const { persona, asOf } = useViewContext();
  const teams = useQuery(gapmapQueries.teams(persona, asOf));
  const session = useQuery(gapmapQueries.session(persona));
  const [team, setTeam] = useState(persona.kind === 'manager' ? persona.team : '');
  const [excel, setExcel] = useState(false);
  const effectiveAsOf = asOf ?? session.data?.asOf;
  const download = useMutation({
    mutationFn: async (format: 'long' | 'team') => {
      const csv = await getText(persona, '/reports/gaps', { format, team: team || undefined, asOf, bom: excel ? 1 : undefined, delimiter: excel ? ';' : undefined });
      downloadText(`gap-report-${format}${team ? `-${team}` : ''}-${effectiveAsOf ?? 'today'}.csv`, csv);
    },
  });
  return (
    <section aria-labelledby="reports-title">
      <header className="page-header">
        <h1 id="reports-title">Reports</h1>
        <p className="subtitle">Gap reports as of {formatDate(effectiveAsOf)}, as CSV for other systems.</p>
      </header>
      <div className="form-grid">
        <label htmlFor="report-team">Scope</label>
        <select id="report-team" value={team} onChange={(event) => setTeam(event.target.value)}>
          {persona.kind !== 'manager' ? <option value="">Whole organisation</option> : null}
          {teams.data?.teams.map((item) => (
            <option key={item.team} value={item.team}>
              {item.team}
            </option>
          ))}
        </select>
        <span />
        <label className="checkbox">
          <input type="checkbox" checked={excel} onChange={(event) => setExcel(event.target.checked)} /> For Excel in European locales (UTF-8 BOM, semicolons)
        </label>
      </div>
      <ul className="button-row">
        <li>
          <button type="button" onClick={() => download.mutate('long')} disabled={download.isPending}>
            Download the gap report (one row per person and skill)
          </button>
        </li>
        <li>
          <button type="button" onClick={() => download.mutate('team')} disabled={download.isPending}>
            Download the team report (one row per team and skill)
          </button>
        </li>
      </ul>
      {download.error ? <ErrorMessage error={download.error} /> : null}
    </section>
  );
}
