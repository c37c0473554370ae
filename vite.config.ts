import { createServer, defineConfig, type Plugin } from 'vite';
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
        const chunks = new Map(
          Object.values(context.bundle ?? {})
            .filter((output) => output.type === 'chunk')
            .map((chunk) => [chunk.fileName, chunk]),
        );
        const start = [...chunks.values()].find((chunk) => chunk.facadeModuleId?.endsWith('/src/app/start.tsx'));
        if (!start) throw new Error('gapmap:preload-app-start: no chunk for src/app/start.tsx');
        const ordered: string[] = [];
        const visit = (fileName: string) => {
          const chunk = chunks.get(fileName);
          if (!chunk || chunk.isEntry || ordered.includes(fileName)) return;
          for (const imported of chunk.imports) visit(imported);
          ordered.push(fileName);
        };
        visit(start.fileName);
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
 * React is CommonJS: rolldown wraps each of its modules in an arrow function run when the module is
 * first required, and V8 compiles such a function only when it is called, on the main thread. For
 * react-dom that compile was a task of 50–110 ms of the page's start on this project's machines.
 * Written as a parenthesised function expression, the wrapper is compiled when its chunk is, off
 * the main thread while it downloads (V8 compiles such "possibly invoked" functions eagerly).
 * Rewrites the minified chunk after minification (the minifier would turn it back into an arrow).
 */
function eagerCommonJsWrappers(chunkName: string): Plugin {
  // The call of rolldown's CommonJS helper on its arrow: `=e((e=>{` minified, else
  // `= /* @__PURE__ */ __commonJSMin(((exports, module) => {`.
  const wrapper = /(=\s*(?:\/\*\s*@__PURE__\s*\*\/\s*)?)([\w$]+)\(\(\(?([\w$]+(?:,\s*[\w$]+)*)\)?\s*=>\s*\{/g;
  return {
    name: 'gapmap:eager-commonjs-wrappers',
    apply: 'build',
    generateBundle(_options, bundle) {
      for (const output of Object.values(bundle)) {
        if (output.type !== 'chunk' || output.name !== chunkName) continue;
        let rewritten = 0;
        output.code = output.code.replace(wrapper, (_match, assignment: string, helper: string, params: string) => {
          rewritten++;
          return `${assignment}${helper}((function(${params}){`;
        });
        // React's build changed shape: say so rather than silently lose the eager compile.
        if (rewritten === 0) throw new Error(`gapmap:eager-commonjs-wrappers: no CommonJS wrapper found in the ${chunkName} chunk`);
      }
    },
  };
}

export default defineConfig({
  plugins: [react(), prerenderFirstScreen(), preloadAppStart(), eagerCommonJsWrappers('react')],
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
