// Loading and error states every view shows the same way: announced to screen readers.
import { useDeferredValue, type ReactNode } from 'react';
import { ApiError } from '../api/client';

export function Loading({ label = 'Loading' }: { label?: string }) {
  return (
    <p className="loading" role="status" aria-live="polite">
      {label}…
    </p>
  );
}

export function ErrorMessage({ error }: { error: unknown }) {
  const message = error instanceof ApiError ? error.message : error instanceof Error ? error.message : String(error);
  const title = error instanceof ApiError && error.status === 403 ? 'Not allowed' : 'Something went wrong';
  return (
    <div className="error" role="alert">
      <strong>{title}.</strong> {message}
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
export function QueryState<T>({ query, children, label }: { query: { data: T | undefined; error: unknown; isPending: boolean }; children: (data: T) => ReactNode; label?: string }) {
  const shown = useDeferredValue(query.data !== undefined);
  if (query.error) return <ErrorMessage error={query.error} />;
  if (query.isPending || query.data === undefined || !shown) return <Loading label={label} />;
  return <>{children(query.data)}</>;
}
