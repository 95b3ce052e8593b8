// The init script injected into every benchmark page before any of its own scripts run. It records,
// in window.__bench: when the banner first becomes visible (a MutationObserver spots the element, a
// requestAnimationFrame loop checks its box and style every frame), long tasks, layout shifts and the
// 'analytics-ran' mark. It tells the benchmark through console.debug('__bench:…') so that nothing
// polls the page while it is measured.

/**
 * @param {{ css: string, host?: string }} banner where the banner is: a selector, or a selector in
 *   the open shadow root of the `host` element
 * @returns {string} the init script's source
 */
export function probeSource(banner) {
  return `(() => {
  if (window !== window.top || window.__bench || !/^https?:$/.test(location.protocol)) return;
  const spec = ${JSON.stringify(banner)};
  const b = (window.__bench = { insertedAt: null, bannerAt: null, analyticsAt: null, longTasks: [], shifts: [] });
  const say = (what) => console.debug('__bench:' + what);
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) b.longTasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) b.shifts.push([e.startTime, e.value]);
    }).observe({ type: 'layout-shift', buffered: true });
  } catch {}
  new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      if (e.name === 'analytics-ran' && b.analyticsAt === null) {
        b.analyticsAt = e.startTime;
        say('analytics');
      }
  }).observe({ type: 'mark', buffered: true });

  const find = () => {
    if (!spec.host) return document.querySelector(spec.css);
    const host = document.querySelector(spec.host);
    return host && host.shadowRoot ? host.shadowRoot.querySelector(spec.css) : null;
  };
  const visible = (el) => {
    const r = el.getBoundingClientRect();
    if (r.width < 1 || r.height < 1 || r.bottom <= 0 || r.right <= 0 || r.top >= innerHeight || r.left >= innerWidth) return false;
    for (let n = el; n; n = n.parentElement || (n.getRootNode() instanceof ShadowRoot ? n.getRootNode().host : null)) {
      const s = getComputedStyle(n);
      if (s.display === 'none' || s.visibility === 'hidden' || s.visibility === 'collapse' || Number(s.opacity) === 0) return false;
    }
    return true;
  };
  const check = () => {
    if (b.bannerAt !== null) return true;
    const el = find();
    if (!el || !visible(el)) return false;
    b.bannerAt = performance.now();
    performance.mark('bench-banner');
    say('banner');
    return true;
  };
  // The MutationObserver only notes when the banner element enters the DOM (a cheap query per
  // mutation batch). Whether it is visible is checked once a frame, in requestAnimationFrame, where
  // the box and style are computed anyway for the frame about to be painted: checking in the
  // observer would force a layout in the middle of the library's own work.
  const mo = new MutationObserver(() => {
    if (b.insertedAt === null && find()) {
      b.insertedAt = performance.now();
      mo.disconnect();
    }
  });
  mo.observe(document, { subtree: true, childList: true, attributes: true });
  const tick = () => {
    if (!check()) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();`;
}
