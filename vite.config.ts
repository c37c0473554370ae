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
 * index.html preloads the app's code (src/app/start.tsx, which the tiny entry imports after starting
 * the API worker) and the response schemas (src/api/contract.ts, imported when the first answer
 * arrives), with their static imports: all download side by side with the worker, and each is
 * evaluated only when imported, so building the schemas stays out of the first render's task.
 */
const PRELOADED_MODULES = ['/src/app/start.tsx', '/src/api/contract.ts'];

function preloadAppModules(): Plugin {
  let base = '/';
  return {
    name: 'gapmap:preload-app-modules',
    apply: 'build',
    configResolved: (config) => {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler: (_html, context) => {
        const chunks = Object.values(context.bundle ?? {}).filter((output) => output.type === 'chunk');
        const entries = new Set(chunks.filter((chunk) => chunk.isEntry).map((chunk) => chunk.fileName));
        const files = new Set<string>();
        for (const module of PRELOADED_MODULES) {
          const chunk = chunks.find((candidate) => candidate.facadeModuleId?.endsWith(module));
          if (!chunk) throw new Error(`gapmap:preload-app-modules: no chunk for ${module}`);
          for (const file of [chunk.fileName, ...chunk.imports]) if (!entries.has(file)) files.add(file);
        }
        return [...files].map((file) => ({
          tag: 'link',
          attrs: { rel: 'modulepreload', crossorigin: true, href: `${base}${file}` },
          injectTo: 'head' as const,
        }));
      },
    },
  };
}

export default defineConfig({
  plugins: [react(), preloadAppModules()],
  server: { port: 5173, strictPort: true },
  preview: { port: 4180, strictPort: true },
  worker: { format: 'es', plugins: () => [workerWithoutPublicSuffixList()] },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 900,
  },
});
