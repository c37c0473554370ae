import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The API worker runs msw, whose cookie jar (tough-cookie) imports tldts, the public-suffix list:
 * 108 KB of the worker's 221 KB gzipped, downloaded before the first figure can show. The /api sets
 * and reads no cookies, so in the worker bundle tldts knows no public suffix; tough-cookie then
 * matches cookies by exact host (its documented fallback). Tests (msw/node) keep the real list.
 */
function workerWithoutPublicSuffixList(): Plugin {
  const stub = '\0gapmap:tldts-without-list';
  return {
    name: 'gapmap:worker-without-public-suffix-list',
    enforce: 'pre',
    resolveId: (id) => (id === 'tldts' ? stub : null),
    load: (id) => (id === stub ? 'export function getDomain() { return null; }\n' : null),
  };
}

export default defineConfig({
  plugins: [react()],
  server: { port: 5173, strictPort: true },
  preview: { port: 4180, strictPort: true },
  worker: { format: 'es', plugins: () => [workerWithoutPublicSuffixList()] },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 900,
  },
});
