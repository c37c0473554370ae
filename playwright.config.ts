import { defineConfig } from '@playwright/test';
// @ts-expect-error: a plain .mjs module shared with the runner script, typed by use.
import { CHROMIUM_ARGS, findChromium } from './tests/e2e/chromium.mjs';

// E2E_PORT lets two checkouts run their end-to-end tests side by side.
const PORT = Number(process.env.E2E_PORT ?? 4180);

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  reporter: [['list']],
  use: {
    baseURL: `http://localhost:${PORT}`,
    browserName: 'chromium',
    headless: true,
    launchOptions: { executablePath: findChromium() as string | undefined, args: CHROMIUM_ARGS as string[] },
    viewport: { width: 1366, height: 900 },
  },
  webServer: {
    // The built app, as `npm run build && npm run preview` serves it (run.mjs builds first).
    command: `node node_modules/vite/bin/vite.js preview --port ${PORT} --strictPort`,
    url: `http://localhost:${PORT}`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
