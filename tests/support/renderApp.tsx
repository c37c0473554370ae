// Renders the whole app at a URL against the real handlers (msw/node, in-memory store):
// component tests mock only the network boundary.
import { render } from '@testing-library/react';
import { QueryClient } from '@tanstack/react-query';
import { createMemoryHistory } from '@tanstack/react-router';
import { App } from '../../src/app/App';
import { useUi } from '../../src/stores/ui';
import type { Persona } from '../../src/api/contract';

export function renderApp(url: string, persona: Persona = { kind: 'lnd' }) {
  useUi.setState({ persona });
  const history = createMemoryHistory({ initialEntries: [url] });
  // No retries: a refused request shows its error at once.
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  return { ...render(<App history={history} queryClient={queryClient} />), history, queryClient };
}
