// A new server's first screen (SPEC §8): nothing is stored yet, so there is nothing to compute.
// It offers the two ways to begin: import the organisation's files, or look around in the demo.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import type { Persona } from '../../api/contract';
import { resetToDemo } from '../../api/mutations';
import { gapmapQueries } from '../../api/queries';
import { ErrorMessage } from '../../components/QueryState';

export function FirstRunScreen({ persona }: { persona: Persona }) {
  const queryClient = useQueryClient();
  const demo = useMutation({
    mutationFn: () => resetToDemo(persona),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: gapmapQueries.all }),
  });
  const mayChange = persona.kind === 'lnd';
  return (
    <section aria-labelledby="first-run-title" className="first-run">
      <header className="page-header">
        <h1 id="first-run-title">Welcome to Gapmap</h1>
        <p className="subtitle">This server holds no organisation yet.</p>
      </header>
      {mayChange ? (
        <>
          <p>Start with your organisation’s files from HR, your learning platform and your badge platforms, or explore a realistic demo organisation first.</p>
          <div className="first-run-actions">
            <Link to="/import" className="button primary">
              Import your files
            </Link>
            <button type="button" className="secondary" onClick={() => demo.mutate()} disabled={demo.isPending}>
              {demo.isPending ? 'Loading the demo organisation…' : 'Load the demo organisation'}
            </button>
          </div>
          <p className="subtle">The demo can be replaced by your own files at any time (Import → Replace); every change is in the history and can be undone.</p>
          {demo.error ? <ErrorMessage error={demo.error} /> : null}
        </>
      ) : (
        <p>Your L&amp;D team has not imported the organisation yet. Come back once they have.</p>
      )}
    </section>
  );
}
