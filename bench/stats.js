// Medians, paired differences and the markdown tables of the benchmark.

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

export const fmt = {
  ms: (v) => (v === null ? 'n/a' : `${Math.round(v)} ms`),
  signedMs: (v) => (v === null ? 'n/a' : `${v >= 0 ? '+' : '−'}${Math.abs(Math.round(v))} ms`),
  kb: (v) => (v === null ? 'n/a' : `${(v / 1000).toFixed(1)} KB`),
  ratio: (a, b) => (a === null || b === null || b === 0 ? '' : ` (×${(a / b).toFixed(2)})`),
  cls: (v) => (v === null ? 'n/a' : v === 0 ? '0' : v.toFixed(3)),
  iqr: (values) => {
    const a = quantile(values, 0.25);
    const b = quantile(values, 0.75);
    return a === null ? 'n/a' : `${Math.round(a)} … ${Math.round(b)} ms`;
  },
  count: (v) => (v === null ? 'n/a' : Number.isInteger(v) ? String(v) : v.toFixed(1)),
};

/** A markdown table from a header row and body rows. */
export function table(header, rows) {
  const line = (cells) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map((_, i) => (i ? '---:' : '---'))), ...rows.map(line)].join('\n');
}
