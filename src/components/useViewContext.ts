// Who is looking, at which date and on which evidence: every query of a view is keyed by all three.
import { useSearch } from '@tanstack/react-router';
import type { Evidence } from '../api/queries';
import { useUi } from '../stores/ui';

export function useViewContext() {
  const persona = useUi((state) => state.persona);
  const search: { asOf?: string; evidence?: Evidence | 'all' } = useSearch({ strict: false });
  // `all` in a URL means what no parameter means: the API is asked without a filter.
  return { persona, asOf: search.asOf, evidence: search.evidence === 'all' ? undefined : search.evidence };
}
