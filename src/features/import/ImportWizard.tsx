// The import wizard (SPEC §4, §7): pick or drop files → per-file kind, encoding, delimiter and
// mapping → decisions → problems and preview → commit (replace | merge, valid rows only).
import { useEffect, useId, useState, type DragEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { rememberAchievementMapping } from '../../api/badgeClient';
import type { Persona } from '../../api/contract';
import { gapmapQueries } from '../../api/queries';
import { ErrorMessage } from '../../components/QueryState';
import { downloadText } from '../../components/download';
import { formatCount } from '../../components/format';
import { FileCard } from './FileCard';
import { IssuesPanel } from './IssuesPanel';
import { PreviewPanel } from './PreviewPanel';
import { useImportSession, type Busy } from './useImportSession';

export function ImportWizard({ persona }: { persona: Persona }) {
  const session = useImportSession(persona);
  const queryClient = useQueryClient();
  const catalog = useQuery(gapmapQueries.catalog(persona));
  const [validRowsOnly, setValidRowsOnly] = useState(false);
  const [dragging, setDragging] = useState(false);
  const inputId = useId();
  const commit = useMutation({
    mutationFn: () =>
      session.run('Storing the import', () => session.commit(validRowsOnly)),
    onSuccess: (result) => {
      if (!result) return;
      session.reset();
      setValidRowsOnly(false);
      void queryClient.invalidateQueries({ queryKey: gapmapQueries.all });
    },
  });
  const { plan, files, busy } = session;
  const refusal = plan ? (validRowsOnly ? plan.refusalWithValidRowsOnly : plan.refusal) : 'Pick files first.';
  const hasErrors = (plan?.errors ?? 0) > 0;

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    void session.addFiles(Array.from(event.dataTransfer.files));
  };

  return (
    <section aria-labelledby="wizard-title" className="import-wizard">
      <h2 id="wizard-title">Import files</h2>
      {/* Dropping is a pointer shortcut; the labelled file input below is the keyboard path. */}
      {/* eslint-disable-next-line jsx-a11y/no-static-element-interactions */}
      <div
        className={`import-drop${dragging ? ' dragging' : ''}`}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <label htmlFor={inputId}>Choose CSV files (or drop them here): employees, skills, roles, catalog, awards, assessments, goals, interests</label>
        <input
          id={inputId}
          type="file"
          multiple
          accept=".csv,.txt,.tsv,.xlsx,text/csv,text/plain,text/tab-separated-values,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          disabled={busy !== null}
          onChange={(event) => {
            const picked = Array.from(event.target.files ?? []);
            event.target.value = '';
            void session.addFiles(picked);
          }}
        />
      </div>
      {busy ? <ProgressPanel busy={busy} onCancel={session.cancel} /> : null}
      {session.error ? <div className="error" role="alert">{session.error}</div> : null}
      {commit.error ? <ErrorMessage error={commit.error} /> : null}
      {commit.isSuccess && commit.data ? (
        <p role="status" className="import-done">
          Imported: {commit.data.entry?.label}.{' '}
          {Object.entries(commit.data.entry.counts).map(([kind, count]) => `${kind} ${formatCount(count?.before ?? 0)} → ${formatCount(count?.after ?? 0)}`).join(', ')}.
          {commit.data.commitMs !== undefined ? ` Stored in ${(commit.data.commitMs / 1000).toFixed(2)} s.` : ''}
        </p>
      ) : null}

      {files.length > 0 ? (
        <>
          <div className="card-grid import-files">
            {files.map((file) => (
              <FileCard
                key={file.id}
                file={file}
                disabled={busy !== null}
                onConfigure={(options) => void session.configure(file.id, options)}
                onRemove={() => void session.remove(file.id)}
                credentials={catalog.data?.credentials}
                onMapTemplate={(template, credentialId) =>
                  void rememberAchievementMapping(persona, { achievement: template, credentialId }).then(() => session.configure(file.id, file.options))
                }
              />
            ))}
          </div>
          {plan ? (
            <>
              <IssuesPanel
                issues={plan.issues}
                errors={plan.errors}
                warnings={plan.warnings}
                onDownload={() => void session.issuesCsv().then((csv) => downloadText('gapmap-import-problems.csv', csv))}
              />
              <p className="subtle">Checked against the stored data in {(plan.checkMs / 1000).toFixed(2)} s.</p>
              <PreviewPanel plan={plan} />
              <fieldset className="import-commit" disabled={busy !== null}>
                <legend>Store the import</legend>
                <p>
                  <label>
                    <input type="radio" name="import-mode" value="replace" checked={session.mode === 'replace'} onChange={() => void session.setMode('replace')} /> Replace: the records
                    of each imported kind are replaced by the files’
                  </label>
                  <br />
                  <label>
                    <input type="radio" name="import-mode" value="merge" checked={session.mode === 'merge'} onChange={() => void session.setMode('merge')} /> Merge: add new records and
                    update existing ones by id
                  </label>
                </p>
                {hasErrors ? (
                  <p>
                    <label>
                      <input type="checkbox" checked={validRowsOnly} onChange={(event) => setValidRowsOnly(event.target.checked)} /> Import only the valid rows (the{' '}
                      {formatCount(plan.errors)} problems above are left out and kept in the history)
                    </label>
                  </p>
                ) : null}
                {refusal ? <p className="subtle" id="commit-refusal">{refusal}</p> : null}
                <button type="button" className="primary" disabled={refusal !== null || commit.isPending} aria-describedby={refusal ? 'commit-refusal' : undefined} onClick={() => commit.mutate()}>
                  Import
                </button>
              </fieldset>
            </>
          ) : null}
        </>
      ) : null}
    </section>
  );
}

function ProgressPanel({ busy, onCancel }: { busy: Busy; onCancel: () => void }) {
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(performance.now()), 250);
    return () => clearInterval(timer);
  }, []);
  return (
    <div className="import-progress" role="status" aria-live="polite">
      <p>
        {busy.label} · {((now - busy.startedAt) / 1000).toFixed(1)} s
      </p>
      <progress aria-label="Import progress" />{' '}
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
