// Finds the Chromium the end-to-end tests drive: CHROME_PATH, else `chromium` on the PATH,
// else Playwright's own download. Shared by the e2e runner, Playwright's config and the bench.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function findChromium() {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  for (const name of ['chromium', 'chromium-browser', 'google-chrome']) {
    try {
      const found = execSync(`command -v ${name}`, { stdio: ['ignore', 'pipe', 'ignore'], shell: '/bin/sh' }).toString().trim();
      if (found) return found;
    } catch {
      // not on the PATH: try the next name
    }
  }
  return undefined;
}

export const HOW_TO_GET_CHROMIUM = `No Chromium found for the end-to-end tests.
  • Debian/Ubuntu:   sudo apt-get update && sudo apt-get install -y chromium
  • Any browser:     export CHROME_PATH=/path/to/chrome-or-chromium
  • Elsewhere:       npx playwright install chromium   (Playwright's own build; then set CHROME_PATH to it
                     or leave it unset and Playwright finds it)`;
