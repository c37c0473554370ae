// Who is looking and at which date: every query of a view is keyed by both.
import { useSearch } from '@tanstack/react-router';
import { useUi } from '../stores/ui';

export function useViewContext() {
  const persona = useUi((state) => state.persona);
  const search: { asOf?: string } = useSearch({ strict: false });
  return { persona, asOf: search.asOf };
}
