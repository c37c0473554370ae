// Providers around the router: TanStack Query for server state.
import { useEffect, useState } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider, type RouterHistory } from '@tanstack/react-router';
import { createAppRouter, type AppRouter } from './router';
import { watchOrganisationChanges } from '../api/importClient';
import { isServerHost } from '../api/access';
import { SignInGate } from './SignIn';

export function createQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { staleTime: 30_000, refetchOnWindowFocus: false, retry: 1 } } });
}

interface AppProps {
  /** Tests open a URL through a memory history; the browser uses its own. */
  history?: RouterHistory;
  queryClient?: QueryClient;
  /** A router already loaded at its address (the build-time render of the first screen, src/app/prerender.tsx). */
  router?: AppRouter;
}

export function App({ history, queryClient: givenClient, router: givenRouter }: AppProps) {
  const [queryClient] = useState(() => givenClient ?? createQueryClient());
  const [router] = useState(() => givenRouter ?? createAppRouter(history));
  // Another tab, the import worker or an undo changed the data: every page refetches.
  useEffect(() => watchOrganisationChanges(queryClient), [queryClient]);
  const app = <RouterProvider router={router} />;
  return (
    <QueryClientProvider client={queryClient}>
      {/* A server's page shows nothing before sign-in; the browser host (the demo) has no sign-in. */}
      {isServerHost() ? <SignInGate>{app}</SignInGate> : app}
    </QueryClientProvider>
  );
}
