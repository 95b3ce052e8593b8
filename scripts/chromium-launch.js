// How every tool of this project starts Chromium: the e2e tests, the benchmark and the screenshots.
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

/** Flags for a closed network: no background traffic, no QUIC, no first-run work. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // The hostile-page tests' sibling subdomains (www.site.test, evil.site.test) on loopback; no other name changes.
  '--host-resolver-rules=MAP *.site.test 127.0.0.1',
];

/**
 * Which Chromium: $SOGLASIE_CHROMIUM when set; else Playwright's own browser when it is installed;
 * else Debian's /usr/bin/chromium (this project's CI installs it).
 */
export function chromiumPath() {
  if (process.env.SOGLASIE_CHROMIUM) return process.env.SOGLASIE_CHROMIUM;
  try {
    if (existsSync(chromium.executablePath())) return undefined;
  } catch {
    // No browser of Playwright's own: fall through.
  }
  return '/usr/bin/chromium';
}

/** Launch options for `chromium.launch()` and Playwright's `use.launchOptions`. */
export const chromiumLaunchOptions = () => ({ headless: true, executablePath: chromiumPath(), args: CHROMIUM_ARGS });
