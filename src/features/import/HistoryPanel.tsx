// Every stored change, newest first, with its counts; the latest can be undone (then the one
// before it, and so on: undo goes in order).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Persona } from '../../api/contract';
import { importQueries, undoImport } from '../../api/importClient';
import { gapmapQueries } from '../../api/queries';
import { ErrorMessage, QueryState } from '../../components/QueryState';
import { formatCount } from '../../components/format';

export function HistoryPanel({ persona }: { persona: Persona }) {
  const queryClient = useQueryClient();
  const history = useQuery(importQueries.history(persona));
  const undo = useMutation({
    mutationFn: (id: number) => undoImport(persona, id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: gapmapQueries.all }),
  });
  return (
    <section aria-labelledby="history-title">
      <h2 id="history-title">Import history</h2>
      <QueryState query={history} label="Reading the import history">
        {(data) =>
          data.entries.length === 0 ? (
            <p>No import yet.</p>
          ) : (
            <ol className="import-history">
              {data.entries.map((entry) => (
                <li key={entry.id} className="card">
                  <h3>
                    {entry.label}
                    {entry.undoneAt ? ' (undone)' : ''}
                  </h3>
                  <p className="subtle">
                    {new Date(entry.at).toLocaleString()}
                    {entry.mode ? ` · ${entry.mode}` : ''}
                    {entry.validRowsOnly ? ' · valid rows only' : ''}
                    {entry.errors > 0 ? ` · ${formatCount(entry.errors)} rows with errors left out` : ''}
                  </p>
                  <ul>
                    {Object.entries(entry.counts).map(([kind, count]) => (
                      <li key={kind}>
                        {kind}: {formatCount(count?.before ?? 0)} → {formatCount(count?.after ?? 0)}
                      </li>
                    ))}
                  </ul>
                  {persona.kind === 'lnd' && entry.id === data.head && entry.undoable ? (
                    <button type="button" disabled={undo.isPending} onClick={() => undo.mutate(entry.id)}>
                      Undo {entry.label}
                    </button>
                  ) : null}
                </li>
              ))}
            </ol>
          )
        }
      </QueryState>
      {undo.isSuccess ? <p role="status">Undone: {undo.data.entry.label}. The data is as it was before it.</p> : null}
      {undo.error ? <ErrorMessage error={undo.error} /> : null}
    </section>
  );
}
