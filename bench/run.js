// Consent-banner performance benchmark (a benchmark, not a test: it prints figures and ratios and
// never asserts timing). Run after `npm run build`:
//   node bench/run.js            # RUNS=15 rounds, BENCH_MAX_MINUTES=16
// Serves an empty reference page and one equivalent page per library (soglasie,
// vanilla-cookieconsent, orejime, klaro) from 127.0.0.1, loads each in headless Chromium with 4× CPU
// throttling in a fresh context per load, rotating the library order every round, and prints medians
// with each figure's ratio to vanilla-cookieconsent measured in the same run. Writes bench/results.md.
import { readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { CPU_THROTTLE, decide, firstVisit, launchBrowser, returningVisit } from './measure.js';
import { BASELINE, LIBRARIES, PEERS } from './pages.js';
import { startServer } from './server.js';
import { fmt, median, pairedDiffs, pairedNet, table } from './stats.js';

const ROOT = resolve(import.meta.dirname, '..');
const RUNS = Math.max(1, Number(process.env.RUNS ?? 15));
const MAX_MS = Number(process.env.BENCH_MAX_MINUTES ?? 16) * 60_000;
const ALL = ['empty', ...PEERS];
const started = Date.now();
const log = (...a) => process.stderr.write(`${a.join(' ')}\n`);

const version = (pkg) => {
  try {
    return JSON.parse(readFileSync(join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8')).version;
  } catch {
    return '?';
  }
};
const soglasieVersion = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;
const label = (lib) =>
  lib === 'empty'
    ? 'empty page'
    : lib === 'soglasie'
      ? `soglasie ${soglasieVersion} (this build)`
      : `${lib} ${version(lib)}`;

const pages = Object.fromEntries(Object.entries(LIBRARIES).map(([lib, def]) => [`/${lib}.html`, def.html]));
const server = await startServer(pages);
const browser = await launchBrowser();
const load0 = loadavg()[0];
const notes = [];

try {
  // The decision, once per library: accept analytics only, keep cookies + localStorage.
  const stored = {};
  for (const lib of PEERS) {
    try {
      const { storageState, gatedRan } = await decide(browser, server, lib, LIBRARIES[lib]);
      stored[lib] = storageState;
      if (!gatedRan) notes.push(`${lib}: after the decision a reload did not run the gated script.`);
      log(
        `decided ${lib}: ${storageState.cookies.map((c) => c.name).join(', ') || '(no cookie)'}${gatedRan ? '' : ' — gated script did not run!'}`,
      );
    } catch (error) {
      // No stored decision: its returning visits are skipped (reported as n/a), the rest still runs.
      stored[lib] = null;
      notes.push(
        `${lib}: could not store a decision (${error.message.split('\n')[0]}); returning visits not measured.`,
      );
      log(`could not decide ${lib}: ${error.message}`);
    }
  }
  const skipped = {
    ok: false,
    analyticsMs: null,
    scriptMs: null,
    jsBytes: null,
    files: [],
    bannerShown: false,
    blocked: [],
    errors: [],
  };
  const returning = (lib, trace) =>
    stored[lib] === null ? skipped : returningVisit(browser, server, lib, LIBRARIES[lib], stored[lib], { trace });
  // Two loads of each page a round: one untraced for timings, long tasks and layout shifts, one traced
  // for script time (tracing slows a page in proportion to its script, which would skew the rest).
  const both = async (measure) => {
    const [plain, traced] = [await measure(false), await measure(true)];
    return { ...plain, scriptMs: traced.ok ? traced.scriptMs : null };
  };

  // One unmeasured round warms the server, the file cache and the browser.
  for (const lib of ALL) {
    await firstVisit(browser, server, lib, LIBRARIES[lib]);
    await returning(lib, false);
  }

  const firsts = [];
  const returns = [];
  for (let round = 0; round < RUNS; round++) {
    if (round > 0 && Date.now() - started > MAX_MS) {
      notes.push(`Stopped after ${round} of ${RUNS} rounds: BENCH_MAX_MINUTES=${MAX_MS / 60_000} reached.`);
      break;
    }
    const order = ALL.map((_, i) => ALL[(i + round) % ALL.length]);
    const f = {};
    const r = {};
    for (const lib of order) {
      f[lib] = await both((trace) => firstVisit(browser, server, lib, LIBRARIES[lib], { trace }));
      r[lib] = await both((trace) => returning(lib, trace));
    }
    firsts.push(f);
    returns.push(r);
    log(
      `round ${round + 1}/${RUNS} (${((Date.now() - started) / 1000).toFixed(0)} s): ` +
        ALL.map((lib) => `${lib} ${fmt.ms(f[lib].bannerMs)}/${fmt.ms(r[lib].analyticsMs)}`).join(', '),
    );
  }

  // ---- Aggregate ----
  const n = firsts.length;
  const col = (rounds, lib, pick) =>
    rounds
      .map((x) => x[lib])
      .filter(Boolean)
      .map(pick);
  const med = (rounds, lib, pick) => median(col(rounds, lib, pick));
  const S = {};
  for (const lib of ALL) {
    const failedFirst = firsts.filter((x) => !x[lib].ok).length;
    const failedReturn = returns.filter((x) => !x[lib].ok).length;
    if (failedFirst)
      notes.push(
        `${lib}: banner not visible within the time limit in ${failedFirst} of ${n} first visits (left out of the medians).`,
      );
    if (failedReturn && stored[lib] !== null)
      notes.push(
        `${lib}: gated analytics did not run within the time limit in ${failedReturn} of ${n} returning visits (left out of the medians).`,
      );
    const shown = returns.filter((x) => x[lib].bannerShown).length;
    if (lib !== 'empty' && shown) notes.push(`${lib}: the banner showed on ${shown} of ${n} returning visits.`);
    const blocked = [...new Set([...firsts, ...returns].flatMap((x) => x[lib].blocked))];
    if (blocked.length) notes.push(`${lib}: requests to other hosts were aborted: ${blocked.join(', ')}`);
    const errors = [...new Set([...firsts, ...returns].flatMap((x) => x[lib].errors))];
    if (errors.length) notes.push(`${lib}: page errors: ${errors.join('; ')}`);
    S[lib] = {
      bytes: med(firsts, lib, (x) => x.bytes.total),
      files: firsts.at(-1)?.[lib].files ?? [],
      banner: med(firsts, lib, (x) => x.bannerMs),
      bannerNet: pairedNet(firsts, lib, 'empty', (x) => x.bannerMs),
      script: med(firsts, lib, (x) => x.scriptMs),
      scriptNet: pairedNet(firsts, lib, 'empty', (x) => x.scriptMs),
      longTasks: med(firsts, lib, (x) => x.longTasks),
      runsWithLongTask: firsts.filter((x) => x[lib].ok && x[lib].longTasks > 0).length,
      longest: med(firsts, lib, (x) => x.longestTaskMs),
      cls: med(firsts, lib, (x) => x.cls),
      clsMax: Math.max(0, ...col(firsts, lib, (x) => x.cls)),
      analytics: med(returns, lib, (x) => x.analyticsMs),
      analyticsNet: pairedNet(returns, lib, 'empty', (x) => x.analyticsMs),
      rScript: med(returns, lib, (x) => x.scriptMs),
      rScriptNet: pairedNet(returns, lib, 'empty', (x) => x.scriptMs),
      rBytes: med(returns, lib, (x) => x.jsBytes),
      rFiles: returns.at(-1)?.[lib].files ?? [],
    };
  }

  // ---- Report ----
  const B = S[BASELINE];
  const cell = (lib, key, f) =>
    `${f(S[lib][key])}${lib === 'empty' || lib === BASELINE ? '' : fmt.ratio(S[lib][key], B[key])}`;
  const firstTable = table(
    [
      'library',
      'JS+CSS gzip',
      'banner visible',
      'net of empty page',
      'script until banner',
      'net of empty page',
      'long tasks until banner (longest)',
      'CLS',
    ],
    ALL.map((lib) => [
      label(lib),
      lib === 'empty' ? '0 KB' : cell(lib, 'bytes', fmt.kb),
      fmt.ms(S[lib].banner),
      lib === 'empty' ? '—' : cell(lib, 'bannerNet', fmt.signedMs),
      fmt.ms(S[lib].script),
      lib === 'empty' ? '—' : cell(lib, 'scriptNet', fmt.signedMs),
      `${fmt.count(S[lib].longTasks)} (${fmt.ms(S[lib].longest)})`,
      fmt.cls(S[lib].cls) + (S[lib].clsMax > S[lib].cls ? ` (max ${fmt.cls(S[lib].clsMax)})` : ''),
    ]),
  );
  const returnTable = table(
    [
      'library',
      'gated analytics ran',
      'net of empty page',
      'script until then',
      'net of empty page',
      'JS executed before (gzip)',
    ],
    ALL.map((lib) => [
      label(lib),
      lib === 'empty' ? fmt.ms(S[lib].analytics) : cell(lib, 'analytics', fmt.ms),
      lib === 'empty' ? '—' : cell(lib, 'analyticsNet', fmt.signedMs),
      lib === 'empty' ? fmt.ms(S[lib].rScript) : cell(lib, 'rScript', fmt.ms),
      lib === 'empty' ? '—' : cell(lib, 'rScriptNet', fmt.signedMs),
      lib === 'empty' ? '0 KB' : cell(lib, 'rBytes', fmt.kb),
    ]),
  );
  const spreadTable = table(
    ['library', 'banner visible, net', 'script until banner, net', 'gated analytics ran, net', 'returning script, net'],
    PEERS.map((lib) => [
      label(lib),
      fmt.iqr(pairedDiffs(firsts, lib, 'empty', (x) => x.bannerMs)),
      fmt.iqr(pairedDiffs(firsts, lib, 'empty', (x) => x.scriptMs)),
      fmt.iqr(pairedDiffs(returns, lib, 'empty', (x) => x.analyticsMs)),
      fmt.iqr(pairedDiffs(returns, lib, 'empty', (x) => x.scriptMs)),
    ]),
  );
  const s = S.soglasie;
  const ratio = (a, b) => (a === null || b === null || b === 0 ? null : a / b);
  const mark = (ok) => (ok === null ? 'n/a' : ok ? 'met' : 'not met');
  const targets = [
    [`first visit JS+CSS ≤ 10 KB gzip`, fmt.kb(s.bytes), s.bytes === null ? null : s.bytes <= 10_000],
    [
      `returning visitor executes ≤ 4 KB gzip before gated analytics`,
      fmt.kb(s.rBytes),
      s.rBytes === null ? null : s.rBytes <= 4_000,
    ],
    [
      `returning-visit script time ≤ 0.7× vanilla-cookieconsent`,
      ratio(s.rScript, B.rScript)?.toFixed(2) ?? 'n/a',
      ratio(s.rScript, B.rScript) === null ? null : ratio(s.rScript, B.rScript) <= 0.7,
    ],
    [
      `time to banner (net of empty page) ≤ 0.5× vanilla-cookieconsent`,
      ratio(s.bannerNet, B.bannerNet)?.toFixed(2) ?? 'n/a',
      ratio(s.bannerNet, B.bannerNet) === null ? null : ratio(s.bannerNet, B.bannerNet) <= 0.5,
    ],
    [
      `main-thread script time (net of empty page) ≤ 0.6× vanilla-cookieconsent`,
      ratio(s.scriptNet, B.scriptNet)?.toFixed(2) ?? 'n/a',
      ratio(s.scriptNet, B.scriptNet) === null ? null : ratio(s.scriptNet, B.scriptNet) <= 0.6,
    ],
    [`CLS 0`, `median ${fmt.cls(s.cls)}, max ${fmt.cls(s.clsMax)}`, s.cls === null ? null : s.clsMax === 0],
    [
      `no long task (until the banner is visible)`,
      `${s.runsWithLongTask} of ${n} runs had one; empty page: ${S.empty.runsWithLongTask} of ${n}`,
      s.longTasks === null ? null : s.runsWithLongTask === 0,
    ],
  ];
  const targetTable = table(
    ['soglasie target (issue)', 'measured', ''],
    targets.map(([t, v, ok]) => [t, v, mark(ok)]),
  );

  const browserVersion = browser.version();
  const date = new Date().toISOString().replace('T', ' ').slice(0, 16) + ' UTC';
  const command = `npm run bench${process.env.RUNS ? ` (RUNS=${RUNS})` : ''}`;
  const htmlDelta = (lib) => {
    const a = server.gzipSize(`/${lib}.html`);
    const b = server.gzipSize('/empty.html');
    return a === undefined || b === undefined ? 'n/a' : `+${a - b} B gzip`;
  };
  const files = (list) => list.map((f) => `${f.path.split('/').pop()} ${fmt.kb(f.gzip)}`).join(' + ') || '—';
  const md = `# Consent banner benchmark

Measured ${date} with \`${command}\`: Chromium ${browserVersion} headless, ${CPU_THROTTLE}× CPU throttling (CDP), a fresh context (empty cache) per page load, medians of ${n} alternating rounds (library order rotated each round; each page loaded twice a round, untraced for the timings, long tasks and layout shifts and traced for script time), ${availableParallelism()} CPUs, load average ${load0.toFixed(1)} at start and ${loadavg()[0].toFixed(1)} at end. Ratios (×) are to vanilla-cookieconsent in this same run; "net of empty page" is the median, over rounds, of the difference to the empty page loaded in the same round. KB = 1000 bytes, gzip -9 of the JS and CSS files the page loaded.

## First visit (no decision stored): until the banner is visible

${firstTable}

## Returning visitor (analytics accepted earlier): until the gated analytics script runs

${returnTable}

## Spread: interquartile range of the per-round differences to the empty page

${spreadTable}

## soglasie against the issue's targets (informational; nothing is asserted)

${targetTable}

## Files

${PEERS.map((lib) => `- ${lib}: first visit ${files(S[lib].files)}; returning visit, executed before analytics: ${files(S[lib].rFiles)}; inline config in the HTML (not counted above): ${htmlDelta(lib)}`).join('\n')}
${notes.length ? `\n## Notes from this run\n\n${notes.map((x) => `- ${x}`).join('\n')}\n` : ''}`;

  process.stdout.write(`\n${md}\n`);
  writeFileSync(join(ROOT, 'bench/results.md'), md);
  log(`wrote bench/results.md in ${((Date.now() - started) / 1000).toFixed(0)} s`);
} finally {
  await browser.close();
  await server.close();
}
