// Loading and error states every view shows the same way: announced to screen readers.
import type { ReactNode } from 'react';
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

/** Renders children with the data once a query has it, or its loading / error state. */
export function QueryState<T>({ query, children, label }: { query: { data: T | undefined; error: unknown; isPending: boolean }; children: (data: T) => ReactNode; label?: string }) {
  if (query.error) return <ErrorMessage error={query.error} />;
  if (query.isPending || query.data === undefined) return <Loading label={label} />;
  return <>{children(query.data)}</>;
}
