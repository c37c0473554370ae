// Compiles the CLI (and `gapmap serve`) ahead of time into build/cli/: bin/gapmap.js compiles the
// TypeScript on the fly, which is right while developing but costs a server start seconds on a
// 2-core machine (measured in docs/benchmarks.md). `npm run serve` runs the compiled copy.
// Packages stay in node_modules (PGlite finds its files beside itself); only the project's own code
// is bundled, split so each command still loads only what it uses. build/cli/ is two folders deep,
// as src/cli/ is, so paths the code makes from its own address (the built page in ../../dist) hold.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
/** build/cli unless given (a test builds a copy of its own). */
const OUT = resolve(process.argv[2] ?? resolve(ROOT, 'build/cli'));

rmSync(OUT, { recursive: true, force: true });
await build({
  absWorkingDir: ROOT,
  entryPoints: { gapmap: 'src/cli/launch.ts', readAwardsWorker: 'src/cli/readAwardsWorker.ts' },
  outdir: OUT,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
