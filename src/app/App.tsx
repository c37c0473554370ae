// Providers around the router: TanStack Query for server state.
import { useEffect, useState } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider, type RouterHistory } from '@tanstack/react-router';
import { createAppRouter } from './router';
import { watchOrganisationChanges } from '../api/importClient';

export function createQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { staleTime: 30_000, refetchOnWindowFocus: false, retry: 1 } } });
}

interface AppProps {
  /** Tests open a URL through a memory history; the browser uses its own. */
  history?: RouterHistory;
  queryClient?: QueryClient;
}

export function App({ history, queryClient: givenClient }: AppProps) {
  const [queryClient] = useState(() => givenClient ?? createQueryClient());
  const [router] = useState(() => createAppRouter(history));
  // Another tab, the import worker or an undo changed the data: every page refetches.
  useEffect(() => watchOrganisationChanges(queryClient), [queryClient]);
  return (
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  );
}
