// Main-thread script time from a Chrome trace: the union of the page's script events (so nested
// events such as a FunctionCall inside an EventDispatch count once) on the renderer main thread,
// from navigation start up to a performance mark (or a while after it).

/** Trace events DevTools files under "Scripting". */
export const SCRIPT_EVENTS = new Set([
  'EvaluateScript',
  'v8.compile',
  'v8.compileModule',
  'v8.evaluateModule',
  'v8.run',
  'v8.callFunction',
  'FunctionCall',
  'TimerFire',
  'EventDispatch',
  'FireAnimationFrame',
  'FireIdleCallback',
  'RunMicrotasks',
  'V8.RunMicrotasks',
  'XHRReadyStateChange',
  'XHRLoad',
]);

/**
 * Rendering work that script can force (a layout read, a style read): DevTools files it under
 * "Rendering", not "Scripting", so it is cut out of the script spans it is nested in. This also keeps
 * the probe's once-a-frame visibility check from being billed as script.
 */
export const RENDER_EVENTS = new Set([
  'Layout',
  'UpdateLayoutTree',
  'RecalculateStyles',
  'PrePaint',
  'Paint',
  'HitTest',
  'ParseAuthorStyleSheet',
]);

export function parseTrace(buffer) {
  const data = JSON.parse(buffer.toString('utf8'));
  return Array.isArray(data) ? data : data.traceEvents;
}

/**
 * @param {Buffer} buffer the trace
 * @param {string} mark a performance.mark name set on the page's main thread
 * @param {number} markMs that mark's performance.now() time (ms since navigation start)
 * @param {number} [afterMs] how long after the mark to keep counting (the trace must run that long)
 * @returns {number | null} script milliseconds on the main thread in [navigation start, mark + afterMs]
 */
export function scriptTime(buffer, mark, markMs, afterMs = 0) {
  const events = parseTrace(buffer);
  const m = events.find((e) => e.name === mark && String(e.cat).includes('blink.user_timing'));
  if (!m) return null;
  const start = m.ts - markMs * 1000;
  const end = m.ts + afterMs * 1000;
  const script = spansOf(events, m, SCRIPT_EVENTS);
  const render = spansOf(events, m, RENDER_EVENTS);
  // |script ∪ render| − |render| = |script \ render|: script time with nested rendering cut out.
  return (unionLength([...script, ...render], start, end) - unionLength(render, start, end)) / 1000;
}

/** [start, end) spans of the named events on the thread of event `on`. */
function spansOf(events, on, names) {
  const spans = [];
  const open = [];
  for (const e of events) {
    if (e.pid !== on.pid || e.tid !== on.tid || !names.has(e.name)) continue;
    if (e.ph === 'X') spans.push([e.ts, e.ts + (e.dur ?? 0)]);
    else if (e.ph === 'B') open.push(e);
    else if (e.ph === 'E') {
      const i = open.findLastIndex((o) => o.name === e.name);
      if (i >= 0) spans.push([open.splice(i, 1)[0].ts, e.ts]);
    }
  }
  return spans;
}

/** Total length of the union of [a, b) spans clipped to [lo, hi]. */
export function unionLength(spans, lo, hi) {
  const clipped = spans
    .map(([a, b]) => [Math.max(a, lo), Math.min(b, hi)])
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0]);
  let total = 0;
  let curA = -Infinity;
  let curB = -Infinity;
  for (const [a, b] of clipped) {
    if (a > curB) {
      if (curB > curA) total += curB - curA;
      curA = a;
      curB = b;
    } else if (b > curB) curB = b;
  }
  if (curB > curA) total += curB - curA;
  return total;
}
