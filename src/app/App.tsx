// Providers around the router: TanStack Query for server state, and the promise of the API being ready.
import { useState } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { createAppRouter } from './router';
import { ApiReadyContext } from './apiReady';

export function App({ apiReady }: { apiReady: Promise<void> }) {
  const [queryClient] = useState(
    () =>
      new QueryClient({
        defaultOptions: { queries: { staleTime: 30_000, refetchOnWindowFocus: false, retry: 1 } },
      }),
  );
  const [router] = useState(() => createAppRouter());
  return (
    <ApiReadyContext.Provider value={apiReady}>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </ApiReadyContext.Provider>
  );
}
