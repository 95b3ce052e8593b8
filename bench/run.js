// Consent-banner performance benchmark (a benchmark, not a test: it prints figures and ratios and
// never asserts timing). Run after `npm run build`:
//   node bench/run.js            # RUNS=15 rounds, BENCH_MAX_MINUTES=16
// Installs the peers into bench/node_modules when they are missing, serves an empty reference page and
// one equivalent page per library (soglasie, vanilla-cookieconsent, orejime, klaro) from 127.0.0.1, and
// loads each in headless Chromium in a fresh context per load, rotating the library order every round.
// First visits are loaded under two profiles (4× CPU throttling; the same plus a phone-like network),
// returning visits under CPU throttling. Prints medians and ratios to vanilla-cookieconsent measured in
// the same run (with bootstrap intervals for the paired ratios) and writes bench/results.md.
import { writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { decide, firstVisit, launchBrowser, PROFILES, returningVisit } from './measure.js';
import { LIBRARIES, PEERS } from './pages.js';
import { ensurePeers } from './peers.js';
import { buildReport } from './report.js';
import { startServer } from './server.js';
import { fmt } from './stats.js';

const ROOT = resolve(import.meta.dirname, '..');
const RUNS = Math.max(1, Number(process.env.RUNS ?? 15));
const MAX_MS = Number(process.env.BENCH_MAX_MINUTES ?? 16) * 60_000;
const ALL = ['empty', ...PEERS];
const started = Date.now();
const log = (...parts) => process.stderr.write(`${parts.join(' ')}\n`);

ensurePeers();
const pages = Object.fromEntries(Object.entries(LIBRARIES).map(([lib, def]) => [`/${lib}.html`, def.html]));
const server = await startServer(pages);
const browser = await launchBrowser();
const loadAtStart = loadavg()[0];
const notes = [];

try {
  // The decision, once per library: accept analytics only, keep cookies + localStorage.
  const stored = {};
  for (const lib of PEERS) {
    try {
      const { storageState, gatedRan } = await decide(browser, server, lib, LIBRARIES[lib]);
      stored[lib] = storageState;
      if (!gatedRan) notes.push(`${lib}: after the decision a reload did not run the gated script.`);
      const cookies = storageState.cookies.map((c) => c.name).join(', ') || '(no cookie)';
      log(`decided ${lib}: ${cookies}${gatedRan ? '' : ' — gated script did not run!'}`);
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
    scriptUntilMarkMs: null,
    jsBytes: null,
    files: [],
    laterFiles: [],
    bannerShown: false,
    cls: null,
    blocked: [],
    errors: [],
  };
  const returning = (lib, trace) => {
    if (stored[lib] === null) return skipped;
    return returningVisit(browser, server, lib, LIBRARIES[lib], stored[lib], { trace, profile: PROFILES.cpu });
  };
  // Two loads of a page for one figure set: one untraced for timings, long tasks and layout shifts, one
  // traced for script time (tracing slows a page in proportion to its script, which would skew the rest).
  const untracedAndTraced = async (measure) => {
    const plain = await measure(false);
    const traced = await measure(true);
    return {
      ...plain,
      // The traced returning visit goes on longer after the mark: its list shows what loaded then.
      laterFiles: traced.laterFiles ?? plain.laterFiles,
      scriptMs: traced.ok ? traced.scriptMs : null,
      scriptUntilMarkMs: traced.ok ? (traced.scriptUntilMarkMs ?? null) : null,
    };
  };

  // One unmeasured round warms the server, the file cache and the browser.
  for (const lib of ALL) {
    await firstVisit(browser, server, lib, LIBRARIES[lib], { profile: PROFILES.cpu });
    await returning(lib, false);
  }

  // rounds.cpu / rounds.network: first visits per round and library; rounds.returning: returning visits.
  const rounds = { cpu: [], network: [], returning: [] };
  for (let round = 0; round < RUNS; round++) {
    if (round > 0 && Date.now() - started > MAX_MS) {
      notes.push(`Stopped after ${round} of ${RUNS} rounds: BENCH_MAX_MINUTES=${MAX_MS / 60_000} reached.`);
      break;
    }
    const order = ALL.map((_, i) => ALL[(i + round) % ALL.length]);
    const cpu = {};
    const network = {};
    const back = {};
    for (const lib of order) {
      cpu[lib] = await untracedAndTraced((trace) =>
        firstVisit(browser, server, lib, LIBRARIES[lib], { trace, profile: PROFILES.cpu }),
      );
      // Script time is a CPU-profile figure; under the network profile only the untraced load is needed.
      network[lib] = await firstVisit(browser, server, lib, LIBRARIES[lib], { profile: PROFILES.network });
      back[lib] = await untracedAndTraced((trace) => returning(lib, trace));
    }
    rounds.cpu.push(cpu);
    rounds.network.push(network);
    rounds.returning.push(back);
    const seconds = ((Date.now() - started) / 1000).toFixed(0);
    const figures = ALL.map(
      (lib) => `${lib} ${fmt.ms(network[lib].bannerMs)}/${fmt.ms(cpu[lib].bannerMs)}/${fmt.ms(back[lib].scriptMs)}`,
    );
    log(`round ${round + 1}/${RUNS} (${seconds} s; banner net/cpu, returning script): ${figures.join(', ')}`);
  }

  const md = buildReport({
    rounds,
    stored,
    notes,
    server,
    command: `npm run bench${process.env.RUNS ? ` (RUNS=${RUNS})` : ''}`,
    browserVersion: browser.version(),
    machine: `${availableParallelism()} CPUs, load average ${loadAtStart.toFixed(1)} at start and ${loadavg()[0].toFixed(1)} at end`,
  });
  process.stdout.write(`\n${md}\n`);
  writeFileSync(join(ROOT, 'bench/results.md'), md);
  log(`wrote bench/results.md in ${((Date.now() - started) / 1000).toFixed(0)} s`);
} finally {
  await browser.close();
  await server.close();
}
