// Import (SPEC §4, §7): what is stored now, the import wizard and its history with undo (L&D
// manager only), the templates of every file kind, and a reset to the demo.

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { gapmapQueries } from '../../api/queries';
import { resetToDemo } from '../../api/mutations';
import { useViewContext } from '../../components/useViewContext';
import { QueryState, ErrorMessage } from '../../components/QueryState';
import { Figure, Figures } from '../../components/Figure';
import { formatCount } from '../../components/format';
import { downloadText } from '../../components/download';
import { csvTemplate } from '../../domain/csv';
import { RECORD_KINDS } from '../../domain/schema';
import { ImportWizard } from './ImportWizard';
import { HistoryPanel } from './HistoryPanel';
import { BadgeImport } from './BadgeImport';
import { BackupDownload } from './BackupDownload';
import './import.css';

export function ImportPage() {
  const { persona } = useViewContext();
  const queryClient = useQueryClient();
  const session = useQuery(gapmapQueries.session(persona));
  const reset = useMutation({
    mutationFn: () => resetToDemo(persona),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: gapmapQueries.all }),
  });
  // Another tab's import or undo shows here at once (the app shell may watch too: harmless).
  return (
    <section aria-labelledby="import-title">
      <header className="page-header">
        <h1 id="import-title">Import</h1>
        <p className="subtitle">
          {session.data?.host === 'server' ? 'Files are read and stored by this Gapmap server, for everyone who signs in to it.' : 'Your data stays in this browser: nothing is sent anywhere.'}
        </p>
      </header>
      <h2>Stored now</h2>
      <QueryState query={session} label="Reading the stored data">
        {(data) => (
          <Figures label="Stored records">
            <Figure label="Employees" value={formatCount(data.counts.employees)} />
            <Figure label="Teams" value={formatCount(data.counts.teams)} />
            <Figure label="Skills" value={formatCount(data.counts.skills)} />
            <Figure label="Credentials" value={formatCount(data.counts.credentials)} />
            <Figure label="Awards" value={formatCount(data.counts.awards)} />
          </Figures>
        )}
      </QueryState>
      {persona.kind === 'lnd' ? <ImportWizard persona={persona} /> : <p>Only the L&amp;D manager imports data: switch persona to import.</p>}
      {persona.kind === 'lnd' ? <BadgeImport persona={persona} /> : null}
      {persona.kind !== 'manager' ? <HistoryPanel persona={persona} /> : null}
      <h2>Templates</h2>
      <p>Each template has the columns Gapmap reads and two example rows. Your own exports can use other column names: Gapmap maps common ones.</p>
      <ul className="button-row">
        {RECORD_KINDS.map((kind) => (
          <li key={kind}>
            <button type="button" onClick={() => downloadText(`gapmap-template-${kind}.csv`, csvTemplate(kind))}>
              {kind}.csv
            </button>
          </li>
        ))}
      </ul>
      {persona.kind === 'lnd' && session.data ? <BackupDownload persona={persona} today={session.data.asOf} host={session.data.host} /> : null}
      {persona.kind === 'lnd' ? (
        <>
          <h2>Demo organisation</h2>
          <p>Replace everything stored with the generated demo organisation.</p>
          <button
            type="button"
            className="danger"
            disabled={reset.isPending}
            onClick={() => {
              const question =
                session.data?.host === 'server'
                  ? 'Replace the organisation everyone on this server sees with the demo organisation? (It can be undone from the history.)'
                  : 'Replace all stored data with the demo organisation?';
              if (window.confirm(question)) reset.mutate();
            }}
          >
            Reset to the demo organisation
          </button>
          {reset.isSuccess ? <p role="status">The demo organisation is loaded ({reset.data.employees} employees).</p> : null}
          {reset.error ? <ErrorMessage error={reset.error} /> : null}
        </>
      ) : null}
    </section>
  );
}
