import { createServer, defineConfig, type Plugin, type Rollup } from 'vite';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlibConstants, gzip } from 'node:zlib';
import react from '@vitejs/plugin-react';
import type { renderFirstScreen } from './src/app/prerender';

/** Where index.html takes the first screen. */
const FIRST_SCREEN_SLOT = '<!-- first-screen -->';

/**
 * Renders the first screen (the shell and the Overview's layout, no data: src/app/prerender.tsx)
 * into dist/index.html, so the page shows it before any JavaScript has run. The app's modules run
 * in Node through a throw-away Vite server (it understands TypeScript, JSX and CSS imports).
 */
function prerenderFirstScreen(): Plugin {
  return {
    name: 'gapmap:prerender-first-screen',
    apply: 'build',
    transformIndexHtml: {
      order: 'pre',
      handler: async (html) => {
        if (!html.includes(FIRST_SCREEN_SLOT)) throw new Error(`gapmap:prerender-first-screen: index.html has no ${FIRST_SCREEN_SLOT}`);
        const server = await createServer({
          configFile: false,
          logLevel: 'error',
          appType: 'custom',
          server: { middlewareMode: true, hmr: false, ws: false },
        });
        try {
          const prerender = (await server.ssrLoadModule('/src/app/prerender.tsx')) as { renderFirstScreen: typeof renderFirstScreen };
          return html.replace(FIRST_SCREEN_SLOT, await prerender.renderFirstScreen());
        } finally {
          await server.close();
        }
      },
    },
  };
}

type BundleChunk = Extract<Rollup.OutputBundle[string], { type: 'chunk' }>;

/** The bundle's chunks by file name. */
function chunksByFile(bundle: Rollup.OutputBundle): Map<string, BundleChunk> {
  return new Map(
    Object.values(bundle)
      .filter((output): output is BundleChunk => output.type === 'chunk')
      .map((chunk) => [chunk.fileName, chunk]),
  );
}

/** The chunk holding src/app/start.tsx, the app's start (src/main.tsx imports it dynamically). */
function startChunkOf(chunks: Map<string, BundleChunk>, plugin: string): BundleChunk {
  const start = [...chunks.values()].find((chunk) => chunk.facadeModuleId?.endsWith('/src/app/start.tsx'));
  if (!start) throw new Error(`${plugin}: no chunk for src/app/start.tsx`);
  return start;
}

/** `from` and the chunks it imports statically, each after those it imports; a `skip` chunk is neither listed nor followed. */
function inImportOrder(chunks: Map<string, BundleChunk>, from: string, skip: (chunk: BundleChunk) => boolean = () => false): string[] {
  const ordered: string[] = [];
  const seen = new Set<string>();
  const visit = (fileName: string) => {
    const chunk = chunks.get(fileName);
    if (!chunk || skip(chunk) || seen.has(fileName)) return;
    seen.add(fileName);
    for (const imported of chunk.imports) visit(imported);
    ordered.push(fileName);
  };
  visit(from);
  return ordered;
}

/**
 * index.html lists the app's start code (src/app/start.tsx and its static imports), which the tiny
 * entry preloads after the first paint, beside the API worker, and imports dynamically. The chunks
 * are listed so that each comes after those it imports, src/app/start.tsx's last: the entry
 * evaluates them in that order, one task each (src/main.tsx). Listed, not preloaded here: a
 * preload in index.html would download before the first paint, competing with the page's styles.
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
        const chunks = chunksByFile(context.bundle ?? {});
        const start = startChunkOf(chunks, 'gapmap:preload-app-start');
        // The entry's chunks are evaluated before any of these: not listed.
        const ordered = inImportOrder(chunks, start.fileName, (chunk) => chunk.isEntry);
        return ordered.map((file) => ({
          tag: 'meta',
          attrs: { name: 'gapmap-start-chunk', content: `${base}${file}` },
          injectTo: 'head' as const,
        }));
      },
    },
  };
}

/**
 * The chunks of the page's start (the entry, src/app/start.tsx and the chunks it imports) begin with
 * V8's explicit compile hint, `//# allFunctionsCalledOnLoad`: Chromium then compiles all their
 * functions on the thread that streams each chunk in, instead of one at a time on the main thread
 * when each is first called. Most of their code runs at start (the router, TanStack Query, zod, the
 * app's shell), and those first-call compiles were 1,086 compiles and 150–240 ms of the start's main
 * thread at CPU ×1 on this project's machines (a trace's V8.CompileCode events): with the hint, 327
 * and 24 ms. Measured at CPU ×4 on a phone's width, 28 runs of each in turns (tests/bench/startTasks.ts),
 * the start's blocking time fell from a median of 196 ms to 151 ms (docs/benchmarks.md, seventh round).
 * React's chunk too: without the hint, react-dom's CommonJS wrapper and the functions it calls were
 * compiled on the main thread as they ran (a task of 50–110 ms before it was compiled eagerly). In
 * Lighthouse at CPU ×7, the build that hints it as well had a median blocking time of 228 ms against
 * 398 ms for the one that did not, 11 runs each in turns (a later batch of 7 each: 342 and 336 ms, the
 * noise); the rewrite that had made react-dom's wrapper compile eagerly (a parenthesised function)
 * adds nothing to the hint and is gone (docs/benchmarks.md, eighth round).
 * Other browsers ignore the comment.
 */
function compileHintsForStart(): Plugin {
  const HINT = '//# allFunctionsCalledOnLoad\n';
  return {
    name: 'gapmap:compile-hints-for-start',
    apply: 'build',
    // The hint is added after the file names' hashes are made: this text is part of every chunk's
    // hash, so that a cached file of the same name is never stale. Edit it with any change to the
    // hint or to which chunks get it.
    augmentChunkHash: () => `${HINT}every chunk of the start`,
    generateBundle: {
      // After Vite's rewriting of the chunks with dynamic imports, which puts code before the hint:
      // the hint must be the chunk's first line.
      order: 'post',
      handler(_options, bundle) {
        const chunks = chunksByFile(bundle);
        const start = startChunkOf(chunks, 'gapmap:compile-hints-for-start');
        const entry = [...chunks.values()].find((chunk) => chunk.isEntry && chunk.moduleIds.some((id) => id.endsWith('/src/main.tsx')));
        if (!entry) throw new Error('gapmap:compile-hints-for-start: no chunk for src/main.tsx');
        const ofTheStart = new Set([...inImportOrder(chunks, entry.fileName), ...inImportOrder(chunks, start.fileName)]);
        for (const fileName of ofTheStart) {
          const chunk = chunks.get(fileName)!;
          chunk.code = HINT + chunk.code;
        }
      },
    },
  };
}

/**
 * Every compressible asset also written compressed, once, at build time: `name.br` (brotli at its
 * best quality) and `name.gz` (gzip -9). `gapmap serve` sends them as they are (serveStatic's
 * `precompressed`, src/server/hosts/node/serve.ts) instead of compressing each answer again, and
 * any static server that can (nginx's gzip_static and brotli_static) can too. Brotli's file of the
 * first load's scripts is about an eighth smaller than gzip's: less to wait for on a slow network.
 */
function precompressAssets(): Plugin {
  const COMPRESSIBLE = /\.(js|mjs|css|svg|json|wasm|txt)$/;
  const brotli = promisify(brotliCompress);
  const gzipped = promisify(gzip);
  return {
    name: 'gapmap:precompress-assets',
    apply: 'build',
    async writeBundle(options, bundle) {
      const outDir = options.dir!;
      const files = Object.keys(bundle).filter((fileName) => fileName.startsWith('assets/') && COMPRESSIBLE.test(fileName));
      await Promise.all(
        files.map(async (fileName) => {
          const path = join(outDir, fileName);
          const bytes = await readFile(path);
          if (bytes.length < 1024) return;
          const [br, gz] = await Promise.all([
            brotli(bytes, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: zlibConstants.BROTLI_MAX_QUALITY, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }),
            gzipped(bytes, { level: 9 }),
          ]);
          await Promise.all([writeFile(`${path}.br`, br), writeFile(`${path}.gz`, gz)]);
        }),
      );
    },
  };
}

export default defineConfig({
  plugins: [react(), prerenderFirstScreen(), preloadAppStart(), compileHintsForStart(), precompressAssets()],
  server: { port: 5173, strictPort: true },
  preview: { port: 4180, strictPort: true },
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 900,
    rolldownOptions: {
      output: {
        // The libraries of the start, one chunk each: src/main.tsx evaluates the start's chunks one at
        // a time, each in its own task, instead of all in one long task.
        codeSplitting: {
          groups: [
            { name: 'react', test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            // Where react-dom's CommonJS code runs (src/app/reactDom.ts): in a task of its own.
            { name: 'react-dom-start', test: /[\\/]src[\\/]app[\\/]reactDom\.ts$/ },
            { name: 'zod', test: /[\\/]node_modules[\\/]zod[\\/]/ },
            { name: 'router', test: /[\\/]node_modules[\\/]@tanstack[\\/](react-router|router-core|history|store|react-store)[\\/]/ },
            { name: 'query', test: /[\\/]node_modules[\\/]@tanstack[\\/](query-core|react-query)[\\/]/ },
          ],
        },
      },
    },
  },
});
