import { existsSync } from 'node:fs';
import { chromium, defineConfig } from '@playwright/test';

/**
 * Which Chromium: $SOGLASIE_CHROMIUM when set; else Playwright's own browser when it is installed;
 * else Debian's /usr/bin/chromium (this project's CI installs it).
 */
function chromiumPath(): string | undefined {
  if (process.env.SOGLASIE_CHROMIUM) return process.env.SOGLASIE_CHROMIUM;
  try {
    if (existsSync(chromium.executablePath())) return undefined;
  } catch {
    // No browser of Playwright's own: fall through.
  }
  return '/usr/bin/chromium';
}

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list'], ['./tests/e2e/support/summary-reporter.ts']] : [['list'], ['./tests/e2e/support/summary-reporter.ts']],
  use: {
    browserName: 'chromium',
    headless: true,
    locale: 'ru-RU',
    launchOptions: {
      executablePath: chromiumPath(),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
});
