import { defineConfig } from '@playwright/test';

// Debian's Chromium, never a downloaded browser (`playwright install` is not used on this machine).
// Each test starts its own server on a fresh data dir (see e2e/fixtures.ts), so there is no webServer here;
// the UI must be built first (`npx vite build`, as `npm test` does).
const ci = !!process.env.CI;

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results',
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  forbidOnly: ci,
  reporter: [
    [ci ? 'line' : 'list'],
    // scripts/test.mjs reads this for its closing tally.
    ['json', { outputFile: '.tmp/test-reports/playwright.json' }],
  ],
  use: {
    browserName: 'chromium',
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1280, height: 800 },
    actionTimeout: 10_000,
    navigationTimeout: 20_000,
    screenshot: 'only-on-failure',
    trace: 'off',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-dev-shm-usage',
      ],
    },
  },
});
