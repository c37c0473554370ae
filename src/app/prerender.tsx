// The first screen as HTML, rendered at build time (vite.config.ts puts it into dist/index.html):
// the app's own shell and the Overview's layout before its figures arrive, painted before any
// JavaScript runs. No data: every query is still pending here, exactly as in the page's first
// render, which then replaces this markup (src/app/start.tsx).
import { renderToString } from 'react-dom/server';
import { createMemoryHistory } from '@tanstack/react-router';
import { App, createQueryClient } from './App';
import { createAppRouter } from './router';

export async function renderFirstScreen(): Promise<string> {
  const router = createAppRouter(createMemoryHistory({ initialEntries: ['/'] }), { scrollRestoration: false });
  await router.load();
  return renderToString(<App router={router} queryClient={createQueryClient()} />);
}
