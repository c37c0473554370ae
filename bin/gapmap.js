#!/usr/bin/env node
// Launcher for `npx gapmap …` with no build step: tsx compiles the TypeScript CLI on the fly
// (cached between runs), then src/cli/gapmap.ts does the work and returns the exit code.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/gapmap.ts');
process.exitCode = await main(process.argv.slice(2));
