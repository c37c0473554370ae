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

/**
 * index.html preloads the app's code (src/app/start.tsx and its static imports), which the tiny
 * entry imports dynamically after starting the API worker: both then download side by side.
 */
function preloadAppStart(): Plugin {
  let base = '/';
  return {
    name: 'gapmap:preload-app-start',
    apply: 'build',
    configResolved: (config) => {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler: (_html, context) => {
        const chunks = Object.values(context.bundle ?? {}).filter((output) => output.type === 'chunk');
        const start = chunks.find((chunk) => chunk.facadeModuleId?.endsWith('/src/app/start.tsx'));
        if (!start) throw new Error('gapmap:preload-app-start: no chunk for src/app/start.tsx');
        const entries = new Set(chunks.filter((chunk) => chunk.isEntry).map((chunk) => chunk.fileName));
        return [start.fileName, ...start.imports.filter((file) => !entries.has(file))].map((file) => ({
          tag: 'link',
          attrs: { rel: 'modulepreload', crossorigin: true, href: `${base}${file}` },
          injectTo: 'head' as const,
        }));
      },
    },
  };
}

export default defineConfig({
  plugins: [react(), preloadAppStart()],
  server: { port: 5173, strictPort: true },
  preview: { port: 4180, strictPort: true },
  worker: { format: 'es', plugins: () => [workerWithoutPublicSuffixList()] },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 900,
  },
});
