// Who is looking, at which date and on which evidence: every query of a view is keyed by all three.
// The date is always the one the page shows — the URL's, else today where the user is — and it is
// always sent: a server in another time zone then computes the same day as the page says.
import { useSearch } from '@tanstack/react-router';
import type { Evidence } from '../api/queries';
import { todayIso } from '../domain/dates';
import { useUi } from '../stores/ui';

export function useViewContext() {
  const persona = useUi((state) => state.persona);
  const search: { asOf?: string; evidence?: Evidence | 'all' } = useSearch({ strict: false });
  // `all` in a URL means what no parameter means: the API is asked without a filter.
  return { persona, asOf: search.asOf ?? todayIso(), evidence: search.evidence === 'all' ? undefined : search.evidence };
}
