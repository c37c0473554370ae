// The entry of the compiled CLI (build/cli/gapmap.js, scripts/build-cli.mjs): what bin/gapmap.js
// does, without compiling the TypeScript on the fly.
import { main } from './gapmap';

process.exitCode = await main(process.argv.slice(2));
