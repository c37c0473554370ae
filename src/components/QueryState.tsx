// Loading and error states every view shows the same way: announced to screen readers. When the
// query is the page's own data, a refusal or a missing record becomes the page: what happened and
// a way back, with nothing of the page (title, Export) that would suggest it is there.
import { useDeferredValue, type ReactNode } from 'react';
import { Link } from '@tanstack/react-router';
import { ApiError } from '../api/client';
import { useUi } from '../stores/ui';

export function Loading({ label = 'Loading' }: { label?: string }) {
  return (
    <p className="loading" role="status" aria-live="polite">
      {label}…
    </p>
  );
}

function titleOf(error: unknown): string {
  if (error instanceof ApiError && error.status === 403) return 'Not allowed';
  if (error instanceof ApiError && error.status === 404) return 'Not found';
  return 'Something went wrong';
}

export function ErrorMessage({ error }: { error: unknown }) {
  const message = error instanceof ApiError ? error.message : error instanceof Error ? error.message : String(error);
  return (
    <div className="error" role="alert">
      <strong>{titleOf(error)}.</strong> {message}
    </div>
  );
}

/** A whole page saying the record is not there or not the viewer's to see, with a link back. */
export function PageProblem({ error, what }: { error: unknown; what: string }) {
  const persona = useUi((state) => state.persona);
  const refused = error instanceof ApiError && error.status === 403;
  const missing = error instanceof ApiError && error.status === 404;
  if (!refused && !missing) return <ErrorMessage error={error} />;
  return (
    <div className="page-problem" role="alert">
      <h1>{refused ? 'Not allowed' : 'Not found'}</h1>
      <p>
        {refused
          ? persona.kind === 'manager'
            ? `You are viewing as the manager of ${persona.team}: the ${what} is not yours to see.`
            : `You may not see the ${what}.`
          : `Gapmap has no ${what}: it may have been removed by an import, or the address is mistyped.`}
      </p>
      <p>
        {persona.kind === 'manager' ? (
          <Link to="/teams/$team" params={{ team: persona.team }}>
            Go to your team, {persona.team}
          </Link>
        ) : (
          <>
            <Link to="/teams">Go to the list of teams</Link> or <Link to="/">the Overview</Link>
          </>
        )}
      </p>
    </div>
  );
}

/**
 * Renders children with the data once a query has it, or its loading / error state.
 *
 * The first render with the data is deferred: React does it in the background in small slices
 * (useDeferredValue), so a large view arriving does not block input for its whole render. Later
 * changes of data (a filter, a refetch) render at once, as do views whose data is already cached.
 */
export function QueryState<T>({
  query,
  children,
  label,
  page,
  pending,
}: {
  query: { data: T | undefined; error: unknown; isPending: boolean };
  children: (data: T) => ReactNode;
  label?: string;
  /** The query is the page's record ("team called “Payments”"): a refusal or 404 becomes the page. */
  page?: string;
  /** What shows while the data is on its way (default: the loading line with `label`). */
  pending?: ReactNode;
}) {
  const shown = useDeferredValue(query.data !== undefined);
  if (query.error) return page ? <PageProblem error={query.error} what={page} /> : <ErrorMessage error={query.error} />;
  if (query.isPending || query.data === undefined || !shown) return pending ?? <Loading label={label} />;
  return <>{children(query.data)}</>;
}
