// One measured page load: a fresh browser context (empty cache), 4× CPU throttling set through CDP
// before navigation, a Chrome trace for main-thread script time, the probe for banner/long
// tasks/layout shifts, and the JS/CSS files the page loaded.
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../scripts/chromium-launch.js';
import { probeSource } from './probe.js';
import { scriptTime } from './trace.js';

export const CPU_THROTTLE = 4;
const TRACE_CATEGORIES = (process.env.BENCH_TRACE_CATEGORIES ?? 'devtools.timeline,blink.user_timing,__metadata').split(
  ',',
);
const SETTLE_MS = Number(process.env.BENCH_SETTLE_MS ?? 500);
const TIMEOUT_MS = Number(process.env.BENCH_TIMEOUT_MS ?? 10_000);

export async function launchBrowser() {
  const options = chromiumLaunchOptions();
  // Other hosts are refused inside Chromium (no DNS), not by a Playwright route: a route would send
  // every request through Node and charge a round trip per file, unfairly to pages with more files.
  return chromium.launch({
    ...options,
    args: [...options.args, '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'],
  });
}

const isLocal = (url) => url.hostname === '127.0.0.1';

/** A fresh context and page; every request to another host is aborted and counted. */
async function openPage(browser, { storageState, banner, throttle = true }) {
  const context = await browser.newContext({ storageState, locale: 'ru-RU', viewport: { width: 1280, height: 720 } });
  const blocked = [];
  await context.addInitScript(probeSource(banner));
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  if (throttle) await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_THROTTLE });
  const signals = new Map();
  const waiters = new Map();
  page.on('console', (m) => {
    const text = m.text();
    if (!text.startsWith('__bench:')) return;
    const what = text.slice(8);
    signals.set(what, true);
    waiters.get(what)?.();
  });
  page.on('requestfailed', (r) => !isLocal(new URL(r.url())) && blocked.push(r.url()));
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const responses = [];
  page.on('response', (r) => responses.push({ url: r.url(), type: r.headers()['content-type'] ?? '' }));
  /** Resolves true when the probe says `what`, false after `ms`. */
  const signal = (what, ms = TIMEOUT_MS) =>
    signals.has(what)
      ? Promise.resolve(true)
      : new Promise((ok) => {
          const timer = setTimeout(() => ok(false), ms);
          waiters.set(what, () => {
            clearTimeout(timer);
            ok(true);
          });
        });
  return { context, page, cdp, signal, responses, blocked, errors };
}

const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));
const pathOf = (url) => new URL(url).pathname;
const kindOf = ({ url, type }) =>
  /javascript/.test(type) || /\.m?js$/.test(pathOf(url))
    ? 'js'
    : /text\/css/.test(type) || /\.css$/.test(pathOf(url))
      ? 'css'
      : null;

/**
 * A first visit: navigation start → banner visible. Tracing slows the page it records (more for more
 * script), so timings, long tasks and layout shifts come from a load with `trace: false`, and script time
 * from one with `trace: true` (its other figures are not used).
 * @returns {Promise<object>} bannerMs, scriptMs (null untraced), longTasks, longestTaskMs, cls, gzip bytes by kind, files
 */
export async function firstVisit(browser, server, lib, def, { trace: traced = false } = {}) {
  const s = await openPage(browser, { banner: def.banner });
  try {
    if (traced) await browser.startTracing(s.page, { categories: TRACE_CATEGORIES });
    await s.page.goto(`${server.origin}/${lib}.html`, { waitUntil: 'commit' });
    const shown = await s.signal('banner');
    await sleep(SETTLE_MS);
    const trace = traced ? await browser.stopTracing() : null;
    const b = await s.page.evaluate(() => window.__bench);
    const files = [];
    for (const r of s.responses) {
      const kind = kindOf(r);
      if (!kind || !isLocal(new URL(r.url))) continue;
      const path = pathOf(r.url);
      files.push({ path, kind, gzip: server.gzipSize(path) ?? 0 });
    }
    const sum = (k) => files.filter((f) => !k || f.kind === k).reduce((n, f) => n + f.gzip, 0);
    const before = (list) => list.filter(([t]) => shown && t < b.bannerAt);
    const longBefore = before(b.longTasks);
    return {
      ok: shown,
      bannerMs: shown ? b.bannerAt : null,
      scriptMs: shown && trace ? scriptTime(trace, 'bench-banner', b.bannerAt) : null,
      longTasks: shown ? longBefore.length : null,
      longestTaskMs: longBefore.reduce((m, [, d]) => Math.max(m, d), 0),
      longTasksAll: b.longTasks.length,
      cls: b.shifts.reduce((n, [, v]) => n + v, 0),
      bytes: { js: sum('js'), css: sum('css'), total: sum() },
      files,
      blocked: s.blocked,
      errors: s.errors,
    };
  } finally {
    await s.context.close();
  }
}

/**
 * A returning visit (decision stored): navigation start → the gated analytics script runs. As for
 * `firstVisit`, script time comes from a load with `trace: true`, everything else from one without.
 * @returns {Promise<object>} analyticsMs, scriptMs (null untraced), jsBytes (gzip of JS loaded before the mark), files, bannerShown
 */
export async function returningVisit(browser, server, lib, def, storageState, { trace: traced = false } = {}) {
  const s = await openPage(browser, { banner: def.banner, storageState });
  try {
    if (traced) await browser.startTracing(s.page, { categories: TRACE_CATEGORIES });
    await s.page.goto(`${server.origin}/${lib}.html`, { waitUntil: 'commit' });
    const ran = await s.signal('analytics');
    await sleep(100); // nothing is measured after the mark but the resource list
    const trace = traced ? await browser.stopTracing() : null;
    const { b, resources } = await s.page.evaluate(() => ({
      b: window.__bench,
      resources: performance
        .getEntriesByType('resource')
        .map((e) => ({ name: e.name, initiator: e.initiatorType, end: e.responseEnd })),
    }));
    const files = [];
    for (const r of resources) {
      const path = pathOf(r.name);
      if (!ran || r.end > b.analyticsAt || !/\.m?js$/.test(path)) continue;
      files.push({ path, gzip: server.gzipSize(path) ?? 0 });
    }
    return {
      ok: ran,
      analyticsMs: ran ? b.analyticsAt : null,
      scriptMs: ran && trace ? scriptTime(trace, 'analytics-ran', b.analyticsAt) : null,
      jsBytes: ran ? files.reduce((n, f) => n + f.gzip, 0) : null,
      files,
      bannerShown: b.bannerAt !== null,
      blocked: s.blocked,
      errors: s.errors,
    };
  } finally {
    await s.context.close();
  }
}

/**
 * Makes the decision once (accept analytics only) and returns the context's storage state (cookies
 * and localStorage) for the returning-visit runs. Not throttled, not measured.
 */
export async function decide(browser, server, lib, def) {
  const s = await openPage(browser, { banner: def.banner, throttle: false });
  try {
    await s.page.goto(`${server.origin}/${lib}.html`, { waitUntil: 'load' });
    if (!(await s.signal('banner')))
      throw new Error(`${lib}: no banner within ${TIMEOUT_MS} ms (${s.errors.join('; ')})`);
    await s.page.evaluate(def.decide);
    await s.page.waitForFunction(def.decided, null, { timeout: TIMEOUT_MS });
    // Proof that the stored decision works: a reload runs the gated script.
    await s.page.reload({ waitUntil: 'load' });
    const ran = await s.page
      .waitForFunction(() => performance.getEntriesByName('analytics-ran').length > 0, null, { timeout: TIMEOUT_MS })
      .then(
        () => true,
        () => false,
      );
    return { storageState: await s.context.storageState(), gatedRan: ran };
  } finally {
    await s.context.close();
  }
}
