// Medians, paired differences and ratios, bootstrap intervals and the markdown tables of the benchmark.

export function median(values) {
  const v = values.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return null;
  const mid = v.length >> 1;
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

/** The q-quantile (0…1) of the numbers in `values`, linearly interpolated. */
export function quantile(values, q) {
  const v = values.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return null;
  const i = (v.length - 1) * q;
  const lo = Math.floor(i);
  return v[lo] + (v[Math.min(lo + 1, v.length - 1)] - v[lo]) * (i - lo);
}

/** Per-round (library − reference) differences, for the spread of a paired figure. */
export function pairedDiffs(rounds, lib, ref, pick) {
  return rounds.map((r) => {
    const a = r[lib] && pick(r[lib]);
    const b = r[ref] && pick(r[ref]);
    return typeof a === 'number' && typeof b === 'number' ? a - b : null;
  });
}

/**
 * Median over rounds of (library − reference) for a figure, pairing the runs of the same round so
 * that a slow stretch of a noisy machine hits both sides.
 */
export function pairedNet(rounds, lib, ref, pick) {
  return median(pairedDiffs(rounds, lib, ref, pick));
}

/** Per-round library ÷ reference ratios of a figure (null where either side is missing or the reference is 0). */
export function pairedRatios(rounds, lib, ref, pick) {
  return rounds.map((r) => {
    const a = r[lib] && pick(r[lib]);
    const b = r[ref] && pick(r[ref]);
    if (typeof a !== 'number' || typeof b !== 'number' || b === 0) return null;
    return a / b;
  });
}

/**
 * A seeded pseudo-random number generator (mulberry32): the same seed gives the same sequence, so a
 * bootstrap interval computed from the same figures is the same on every run.
 * @returns {() => number} numbers in [0, 1)
 */
export function seededRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), state | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

export const BOOTSTRAP_SEED = 20261204;
export const BOOTSTRAP_RESAMPLES = 10_000;

/**
 * The median of `values` and a percentile-bootstrap interval for it: the values are resampled with
 * replacement `resamples` times and the interval is the middle `level` of the resampled medians.
 * @returns {{ median: number | null, low: number | null, high: number | null, n: number }}
 */
export function medianWithInterval(
  values,
  { level = 0.9, resamples = BOOTSTRAP_RESAMPLES, seed = BOOTSTRAP_SEED } = {},
) {
  const sample = values.filter((x) => typeof x === 'number' && Number.isFinite(x));
  if (!sample.length) return { median: null, low: null, high: null, n: 0 };
  const random = seededRandom(seed);
  const medians = [];
  for (let i = 0; i < resamples; i++) {
    const resample = [];
    for (let j = 0; j < sample.length; j++) resample.push(sample[Math.floor(random() * sample.length)]);
    medians.push(median(resample));
  }
  const tail = (1 - level) / 2;
  return {
    median: median(sample),
    low: quantile(medians, tail),
    high: quantile(medians, 1 - tail),
    n: sample.length,
  };
}

export const fmt = {
  ms: (v) => (v === null ? 'n/a' : `${Math.round(v)} ms`),
  signedMs: (v) => (v === null ? 'n/a' : `${v >= 0 ? '+' : '−'}${Math.abs(Math.round(v))} ms`),
  kb: (v) => (v === null ? 'n/a' : `${(v / 1000).toFixed(1)} KB`),
  // A ratio only means something between two positive figures (a net difference can be negative).
  ratio: (a, b) => (a === null || b === null || a < 0 || b <= 0 ? '' : ` (×${(a / b).toFixed(2)})`),
  cls: (v) => (v === null ? 'n/a' : v === 0 ? '0' : v.toFixed(3)),
  iqr: (values) => {
    const a = quantile(values, 0.25);
    const b = quantile(values, 0.75);
    return a === null ? 'n/a' : `${Math.round(a)} … ${Math.round(b)} ms`;
  },
  /** A median ratio with its interval: "0.93 (0.85–1.02, n = 15)". */
  interval: ({ median: m, low, high, n }) =>
    m === null ? 'n/a' : `${m.toFixed(2)} (${low.toFixed(2)}–${high.toFixed(2)}, n = ${n})`,
  count: (v) => (v === null ? 'n/a' : Number.isInteger(v) ? String(v) : v.toFixed(1)),
};

/** A markdown table from a header row and body rows. */
export function table(header, rows) {
  const line = (cells) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map((_, i) => (i ? '---:' : '---'))), ...rows.map(line)].join('\n');
}
