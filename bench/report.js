// The benchmark's report: medians per library and profile, paired ratios to vanilla-cookieconsent with
// bootstrap intervals, soglasie against the issue's targets, as markdown (printed and written to
// bench/results.md).
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AFTER_ANALYTICS_MS, CPU_THROTTLE, PROFILES } from './measure.js';
import { BASELINE, PEERS } from './pages.js';
import { peerVersion } from './peers.js';
import {
  BOOTSTRAP_RESAMPLES,
  BOOTSTRAP_SEED,
  fmt,
  median,
  medianWithInterval,
  pairedDiffs,
  pairedNet,
  pairedRatios,
  table,
} from './stats.js';

const ROOT = resolve(import.meta.dirname, '..');
const ALL = ['empty', ...PEERS];

/** soglasie's targets (issue 15). KB = 1000 bytes. */
export const TARGETS = {
  returningBytes: 6_000,
  firstVisitBytes: 16_000,
  bannerRatioNetwork: 1.0,
  returningScriptRatio: 0.8,
};

/** Rounds that the ratio targets ask for. */
const MIN_ROUNDS = 15;

const soglasieVersion = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;

function label(lib) {
  if (lib === 'empty') return 'empty page';
  if (lib === 'soglasie') return `soglasie ${soglasieVersion} (this build)`;
  return `${lib} ${peerVersion(lib)}`;
}

/** One library's values of a figure over the rounds (a round may lack the library). */
function column(rounds, lib, pick) {
  return rounds
    .map((round) => round[lib])
    .filter(Boolean)
    .map(pick);
}

/** Medians of a library's first visits under one profile. */
function summarizeFirstVisits(rounds, lib) {
  const ok = rounds.filter((round) => round[lib].ok);
  return {
    failed: rounds.length - ok.length,
    bytes: median(column(rounds, lib, (x) => x.bytes.total)),
    files: rounds.at(-1)?.[lib].files ?? [],
    laterFiles: rounds.at(-1)?.[lib].laterFiles ?? [],
    banner: median(column(rounds, lib, (x) => x.bannerMs)),
    bannerNet: pairedNet(rounds, lib, 'empty', (x) => x.bannerMs),
    script: median(column(rounds, lib, (x) => x.scriptMs)),
    scriptNet: pairedNet(rounds, lib, 'empty', (x) => x.scriptMs),
    longTasks: median(column(rounds, lib, (x) => x.longTasks)),
    runsWithLongTask: ok.filter((round) => round[lib].longTasks > 0).length,
    longest: median(column(rounds, lib, (x) => x.longestTaskMs)),
    cls: median(column(rounds, lib, (x) => x.cls)),
    clsMax: Math.max(0, ...column(rounds, lib, (x) => x.cls)),
  };
}

/** Medians of a library's returning visits. */
function summarizeReturningVisits(rounds, lib) {
  return {
    failed: rounds.filter((round) => !round[lib].ok).length,
    analytics: median(column(rounds, lib, (x) => x.analyticsMs)),
    analyticsNet: pairedNet(rounds, lib, 'empty', (x) => x.analyticsMs),
    scriptUntilMark: median(column(rounds, lib, (x) => x.scriptUntilMarkMs)),
    script: median(column(rounds, lib, (x) => x.scriptMs)),
    scriptNet: pairedNet(rounds, lib, 'empty', (x) => x.scriptMs),
    bytes: median(column(rounds, lib, (x) => x.jsBytes)),
    files: rounds.at(-1)?.[lib].files ?? [],
    laterFiles: rounds.at(-1)?.[lib].laterFiles ?? [],
    cls: median(column(rounds, lib, (x) => x.cls)),
    clsMax: Math.max(0, ...column(rounds, lib, (x) => x.cls ?? 0)),
    bannerShown: rounds.filter((round) => round[lib].bannerShown).length,
  };
}

/** A figure with its ratio of medians to the baseline's, e.g. "412 ms (×0.93)". */
function withRatio(lib, summary, key, format) {
  const value = format(summary[lib][key]);
  if (lib === 'empty' || lib === BASELINE) return value;
  return value + fmt.ratio(summary[lib][key], summary[BASELINE][key]);
}

function clsCell(summary) {
  const max = summary.clsMax > summary.cls ? ` (max ${fmt.cls(summary.clsMax)})` : '';
  return fmt.cls(summary.cls) + max;
}

const fileList = (list) => list.map((f) => `${f.path.split('/').pop()} ${fmt.kb(f.gzip)}`).join(' + ') || '—';

/**
 * @param {object} input rounds ({ cpu, network, returning }: per round, per library), stored (decisions),
 *   notes, server, command, browserVersion, machine
 * @returns {string} the markdown report
 */
export function buildReport({ rounds, stored, notes, server, command, browserVersion, machine }) {
  const n = rounds.cpu.length;
  const cpu = {};
  const network = {};
  const back = {};
  for (const lib of ALL) {
    cpu[lib] = summarizeFirstVisits(rounds.cpu, lib);
    network[lib] = summarizeFirstVisits(rounds.network, lib);
    back[lib] = summarizeReturningVisits(rounds.returning, lib);
  }
  notes = [...notes, ...runNotes(rounds, stored, { cpu, network, back })];

  // Paired ratios to vanilla-cookieconsent: per round, then the median over rounds with its interval.
  const ratios = {};
  for (const lib of PEERS.filter((peer) => peer !== BASELINE)) {
    ratios[lib] = {
      bannerNetwork: medianWithInterval(pairedRatios(rounds.network, lib, BASELINE, (x) => x.bannerMs)),
      bannerCpu: medianWithInterval(pairedRatios(rounds.cpu, lib, BASELINE, (x) => x.bannerMs)),
      returningScript: medianWithInterval(pairedRatios(rounds.returning, lib, BASELINE, (x) => x.scriptMs)),
      analytics: medianWithInterval(pairedRatios(rounds.returning, lib, BASELINE, (x) => x.analyticsMs)),
    };
  }

  const networkTable = table(
    [
      'library',
      'JS+CSS gzip until banner',
      'banner visible',
      'net of empty page',
      'long tasks until banner (longest)',
      'CLS',
    ],
    ALL.map((lib) => [
      label(lib),
      lib === 'empty' ? '0 KB' : withRatio(lib, network, 'bytes', fmt.kb),
      withRatio(lib, network, 'banner', fmt.ms),
      lib === 'empty' ? '—' : withRatio(lib, network, 'bannerNet', fmt.signedMs),
      `${fmt.count(network[lib].longTasks)} (${fmt.ms(network[lib].longest)})`,
      clsCell(network[lib]),
    ]),
  );
  const cpuTable = table(
    [
      'library',
      'JS+CSS gzip until banner',
      'banner visible',
      'net of empty page',
      'script until banner',
      'net of empty page',
      'long tasks until banner (longest)',
      'CLS',
    ],
    ALL.map((lib) => [
      label(lib),
      lib === 'empty' ? '0 KB' : withRatio(lib, cpu, 'bytes', fmt.kb),
      withRatio(lib, cpu, 'banner', fmt.ms),
      lib === 'empty' ? '—' : withRatio(lib, cpu, 'bannerNet', fmt.signedMs),
      withRatio(lib, cpu, 'script', fmt.ms),
      lib === 'empty' ? '—' : withRatio(lib, cpu, 'scriptNet', fmt.signedMs),
      `${fmt.count(cpu[lib].longTasks)} (${fmt.ms(cpu[lib].longest)})`,
      clsCell(cpu[lib]),
    ]),
  );
  const returnTable = table(
    [
      'library',
      'JS executed before (gzip)',
      'gated analytics ran',
      'net of empty page',
      'script until then',
      `script until ${AFTER_ANALYTICS_MS / 1000} s after`,
      'net of empty page',
      'CLS',
    ],
    ALL.map((lib) => [
      label(lib),
      lib === 'empty' ? '0 KB' : withRatio(lib, back, 'bytes', fmt.kb),
      withRatio(lib, back, 'analytics', fmt.ms),
      lib === 'empty' ? '—' : withRatio(lib, back, 'analyticsNet', fmt.signedMs),
      withRatio(lib, back, 'scriptUntilMark', fmt.ms),
      withRatio(lib, back, 'script', fmt.ms),
      lib === 'empty' ? '—' : withRatio(lib, back, 'scriptNet', fmt.signedMs),
      clsCell(back[lib]),
    ]),
  );
  const ratioTable = table(
    [
      'library ÷ vanilla-cookieconsent',
      'banner visible, network profile',
      'banner visible, CPU profile',
      `returning: script until ${AFTER_ANALYTICS_MS / 1000} s after analytics`,
      'returning: gated analytics ran',
    ],
    Object.entries(ratios).map(([lib, r]) => [
      label(lib),
      fmt.interval(r.bannerNetwork),
      fmt.interval(r.bannerCpu),
      fmt.interval(r.returningScript),
      fmt.interval(r.analytics),
    ]),
  );
  const spreadTable = table(
    [
      'library',
      'banner visible, network profile',
      'banner visible, CPU profile',
      'script until banner',
      'gated analytics ran',
      'returning script',
    ],
    PEERS.map((lib) => [
      label(lib),
      fmt.iqr(pairedDiffs(rounds.network, lib, 'empty', (x) => x.bannerMs)),
      fmt.iqr(pairedDiffs(rounds.cpu, lib, 'empty', (x) => x.bannerMs)),
      fmt.iqr(pairedDiffs(rounds.cpu, lib, 'empty', (x) => x.scriptMs)),
      fmt.iqr(pairedDiffs(rounds.returning, lib, 'empty', (x) => x.analyticsMs)),
      fmt.iqr(pairedDiffs(rounds.returning, lib, 'empty', (x) => x.scriptMs)),
    ]),
  );
  const targetTable = table(['soglasie target (issue 15)', 'measured', ''], targetRows({ cpu, network, back, ratios }));

  const htmlDelta = (lib) => {
    const page = server.gzipSize(`/${lib}.html`);
    const empty = server.gzipSize('/empty.html');
    if (page === undefined || empty === undefined) return 'n/a';
    return `+${page - empty} B gzip`;
  };
  const files = PEERS.map(
    (lib) =>
      `- ${lib}: first visit, until the banner: ${fileList(network[lib].files)}; after it (within ${
        process.env.BENCH_SETTLE_MS ?? 500
      } ms): ${fileList(network[lib].laterFiles)}; returning visit, executed before analytics: ${fileList(
        back[lib].files,
      )}; after it (within ${AFTER_ANALYTICS_MS + 100} ms, traced load): ${fileList(back[lib].laterFiles)}; inline config in the HTML (not counted above): ${htmlDelta(lib)}`,
  );

  const date = new Date().toISOString().replace('T', ' ').slice(0, 16) + ' UTC';
  const conditions = PROFILES.network.network;
  return `# Consent banner benchmark

Measured ${date} with \`${command}\`: Chromium ${browserVersion} headless, a fresh context (empty cache) per page load, ${n} alternating rounds (library order rotated each round), ${machine}. KB = 1000 bytes, gzip -9 of the JS and CSS files the page loaded.

Profiles: **CPU** = ${CPU_THROTTLE}× CPU throttling (CDP \`Emulation.setCPUThrottlingRate\`) on the loopback network; **network** = the same plus Chromium's network emulation (CDP \`Network.emulateNetworkConditions\`: ${conditions.latency} ms latency per request, ${(conditions.downloadThroughput * 8) / 1e6} Mbit/s down, ${(conditions.uploadThroughput * 8) / 1000} kbit/s up). First visits are loaded under both (under CPU twice: untraced for timings, long tasks and layout shifts, traced for script time); returning visits under CPU, untraced and traced.

In the tables, (×) is the ratio of the medians to vanilla-cookieconsent's in this same run, and "net of empty page" is the median over rounds of the difference to the empty page loaded in the same round. The ratios with intervals below are medians of per-round paired ratios, with a 90% percentile-bootstrap interval of that median (${BOOTSTRAP_RESAMPLES} resamples, seed ${BOOTSTRAP_SEED}).

## soglasie against the issue's targets (informational; nothing is asserted)

${targetTable}

## Ratios to vanilla-cookieconsent: median of per-round ratios (90% interval, rounds)

${ratioTable}

## First visit (no decision stored), network profile: until the banner is visible

${networkTable}

## First visit (no decision stored), CPU profile: until the banner is visible

${cpuTable}

## Returning visitor (analytics accepted earlier), CPU profile: until the gated analytics script runs

Script time is the main thread's script from navigation start until the analytics ran, and until ${AFTER_ANALYTICS_MS} ms after (work done just after still costs the visitor's main thread).

${returnTable}

## Spread: interquartile range of the per-round differences to the empty page

${spreadTable}

## Files

${files.join('\n')}
${notes.length ? `\n## Notes from this run\n\n${notes.map((x) => `- ${x}`).join('\n')}\n` : ''}`;
}

function targetRows({ cpu, network, back, ratios }) {
  const mark = (ok) => {
    if (ok === null) return 'n/a';
    return ok ? 'met' : 'not met';
  };
  const atMost = (value, limit) => (value === null ? null : value <= limit);
  const s = { cpu: cpu.soglasie, network: network.soglasie, back: back.soglasie };
  const banner = ratios.soglasie.bannerNetwork;
  const script = ratios.soglasie.returningScript;
  const clsValues = [s.cpu.clsMax, s.network.clsMax, s.back.clsMax];
  const clsMeasured = s.cpu.cls === null ? null : clsValues.every((value) => value === 0);
  return [
    [
      `returning visitor: JS executed before the gated analytics ≤ ${fmt.kb(TARGETS.returningBytes)} gzip`,
      fmt.kb(s.back.bytes),
      mark(atMost(s.back.bytes, TARGETS.returningBytes)),
    ],
    [
      `first visit: JS+CSS until the banner ≤ ${fmt.kb(TARGETS.firstVisitBytes)} gzip`,
      fmt.kb(s.network.bytes),
      mark(atMost(s.network.bytes, TARGETS.firstVisitBytes)),
    ],
    [
      `banner visible, network profile ≤ ${TARGETS.bannerRatioNetwork.toFixed(1)}× vanilla-cookieconsent (median ratio)`,
      fmt.interval(banner),
      mark(atMost(banner.median, TARGETS.bannerRatioNetwork)),
    ],
    [
      `returning-visit script time (until ${AFTER_ANALYTICS_MS / 1000} s after analytics), CPU profile ≤ ${TARGETS.returningScriptRatio}× vanilla-cookieconsent (median ratio)`,
      fmt.interval(script),
      mark(atMost(script.median, TARGETS.returningScriptRatio)),
    ],
    [
      'CLS 0 (first visit under both profiles; returning visit)',
      `max ${fmt.cls(s.network.clsMax)} network, ${fmt.cls(s.cpu.clsMax)} CPU; returning ${fmt.cls(s.back.clsMax)}`,
      mark(clsMeasured),
    ],
  ];
}

/** What went wrong or looked odd in this run, per library. */
function runNotes(rounds, stored, { cpu, network, back }) {
  const notes = [];
  const n = rounds.cpu.length;
  if (n < MIN_ROUNDS)
    notes.push(
      `Only ${n} rounds: the targets' ratios ask for at least ${MIN_ROUNDS} alternating rounds, and with fewer the 90% intervals say little.`,
    );
  for (const lib of ALL) {
    for (const [profile, summary] of [
      ['CPU', cpu[lib]],
      ['network', network[lib]],
    ]) {
      if (summary.failed > 0)
        notes.push(
          `${lib}: banner not visible within the time limit in ${summary.failed} of ${n} first visits (${profile} profile; left out of the medians).`,
        );
    }
    if (back[lib].failed > 0 && stored[lib] !== null)
      notes.push(
        `${lib}: gated analytics did not run within the time limit in ${back[lib].failed} of ${n} returning visits (left out of the medians).`,
      );
    if (lib !== 'empty' && back[lib].bannerShown > 0)
      notes.push(`${lib}: the banner showed on ${back[lib].bannerShown} of ${n} returning visits.`);
    const loads = [...rounds.cpu, ...rounds.network, ...rounds.returning].map((round) => round[lib]);
    const blocked = [...new Set(loads.flatMap((x) => x.blocked))];
    if (blocked.length > 0) notes.push(`${lib}: requests to other hosts were aborted: ${blocked.join(', ')}`);
    const errors = [...new Set(loads.flatMap((x) => x.errors))];
    if (errors.length > 0) notes.push(`${lib}: page errors: ${errors.join('; ')}`);
  }
  return notes;
}
