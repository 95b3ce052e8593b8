// One measured page load: a fresh browser context (empty cache), a profile (4× CPU throttling, and
// for the network profile a phone-like network too) set through CDP before navigation, a Chrome trace
// for main-thread script time, the probe for banner/long tasks/layout shifts, and the JS/CSS files
// the page loaded.
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../scripts/chromium-launch.js';
import { probeSource } from './probe.js';
import { scriptTime } from './trace.js';

export const CPU_THROTTLE = 4;

/**
 * The conditions a page is loaded under. `cpu`: 4× CPU throttling on the loopback network.
 * `network`: the same plus Chromium's network emulation (150 ms latency per request, 1.6 Mbit/s down,
 * 750 kbit/s up), so that a request made before the banner costs a round trip as on a phone.
 */
export const PROFILES = {
  cpu: { name: 'cpu', label: `${CPU_THROTTLE}× CPU`, cpuThrottle: CPU_THROTTLE, network: null },
  network: {
    name: 'network',
    label: `${CPU_THROTTLE}× CPU + 150 ms, 1.6 Mbit/s`,
    cpuThrottle: CPU_THROTTLE,
    network: { offline: false, latency: 150, downloadThroughput: 200_000, uploadThroughput: 93_750 },
  },
};
const TRACE_CATEGORIES = (process.env.BENCH_TRACE_CATEGORIES ?? 'devtools.timeline,blink.user_timing,__metadata').split(
  ',',
);
const SETTLE_MS = Number(process.env.BENCH_SETTLE_MS ?? 500);
const TIMEOUT_MS = Number(process.env.BENCH_TIMEOUT_MS ?? 10_000);
/** Returning visits: script time counts until this long after the analytics ran (work done just after still costs). */
export const AFTER_ANALYTICS_MS = 500;

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

/** A fresh context and page under `profile` (none: no throttling); every request to another host is aborted and counted. */
async function openPage(browser, { storageState, banner, profile }) {
  const context = await browser.newContext({ storageState, locale: 'ru-RU', viewport: { width: 1280, height: 720 } });
  const blocked = [];
  await context.addInitScript(probeSource(banner));
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  if (profile) await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpuThrottle });
  if (profile?.network) {
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', profile.network);
  }
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

/** The page's resource timing entries: what was fetched and when its response ended. */
const resourcesOf = (page) =>
  page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((e) => ({ url: e.name, initiator: e.initiatorType, end: e.responseEnd })),
  );

/**
 * A first visit: navigation start → banner visible. Tracing slows the page it records (more for more
 * script), so timings, long tasks and layout shifts come from a load with `trace: false`, and script time
 * from one with `trace: true` (its other figures are not used).
 * @returns {Promise<object>} bannerMs, scriptMs (null untraced), longTasks, longestTaskMs, cls, gzip bytes
 *   by kind of the JS and CSS fetched until the banner showed, files (until then), laterFiles (after it)
 */
export async function firstVisit(browser, server, lib, def, { trace: traced = false, profile = PROFILES.cpu } = {}) {
  const s = await openPage(browser, { banner: def.banner, profile });
  try {
    if (traced) await browser.startTracing(s.page, { categories: TRACE_CATEGORIES });
    await s.page.goto(`${server.origin}/${lib}.html`, { waitUntil: 'commit' });
    const shown = await s.signal('banner');
    await sleep(SETTLE_MS);
    const trace = traced ? await browser.stopTracing() : null;
    const b = await s.page.evaluate(() => window.__bench);
    const types = new Map(s.responses.map((r) => [r.url, r.type]));
    const files = [];
    const laterFiles = [];
    for (const r of await resourcesOf(s.page)) {
      const kind = kindOf({ url: r.url, type: types.get(r.url) ?? '' });
      if (!kind || !isLocal(new URL(r.url))) continue;
      const path = pathOf(r.url);
      const file = { path, kind, gzip: server.gzipSize(path) ?? 0 };
      if (shown && r.end <= b.bannerAt) files.push(file);
      else laterFiles.push(file);
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
      bytes: { js: sum('js'), css: sum('css'), total: shown ? sum() : null },
      files,
      laterFiles,
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
 * The traced load goes on for a while after the mark: its script time counts until AFTER_ANALYTICS_MS
 * after the analytics ran (`scriptMs`), and also until the mark itself (`scriptUntilMarkMs`).
 * @returns {Promise<object>} analyticsMs, scriptMs and scriptUntilMarkMs (null untraced), jsBytes (gzip
 *   of JS loaded before the mark), files (until then), laterFiles (after it, while the load went on),
 *   bannerShown, cls (layout shifts until the load ends)
 */
export async function returningVisit(
  browser,
  server,
  lib,
  def,
  storageState,
  { trace: traced = false, profile = PROFILES.cpu } = {},
) {
  const s = await openPage(browser, { banner: def.banner, storageState, profile });
  try {
    if (traced) await browser.startTracing(s.page, { categories: TRACE_CATEGORIES });
    await s.page.goto(`${server.origin}/${lib}.html`, { waitUntil: 'commit' });
    const ran = await s.signal('analytics');
    // Traced: a margin past the counted half second, so the trace holds all of it. Untraced: nothing
    // is measured after the mark but the resource list and layout shifts.
    await sleep(traced ? AFTER_ANALYTICS_MS + 100 : 100);
    const trace = traced ? await browser.stopTracing() : null;
    const b = await s.page.evaluate(() => window.__bench);
    const files = [];
    const laterFiles = [];
    for (const r of await resourcesOf(s.page)) {
      const path = pathOf(r.url);
      if (!/\.m?js$/.test(path)) continue;
      const file = { path, gzip: server.gzipSize(path) ?? 0 };
      if (ran && r.end <= b.analyticsAt) files.push(file);
      else laterFiles.push(file);
    }
    return {
      ok: ran,
      analyticsMs: ran ? b.analyticsAt : null,
      scriptMs: ran && trace ? scriptTime(trace, 'analytics-ran', b.analyticsAt, AFTER_ANALYTICS_MS) : null,
      scriptUntilMarkMs: ran && trace ? scriptTime(trace, 'analytics-ran', b.analyticsAt) : null,
      jsBytes: ran ? files.reduce((n, f) => n + f.gzip, 0) : null,
      files,
      laterFiles,
      bannerShown: b.bannerAt !== null,
      cls: b.shifts.reduce((n, [, v]) => n + v, 0),
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
  const s = await openPage(browser, { banner: def.banner, profile: null });
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
