import { launchBrowser, decide, CPU_THROTTLE } from './measure.js';
import { startServer } from './server.js';
import { LIBRARIES } from './pages.js';
const lib = process.argv[2] || 'soglasie';
const pages = Object.fromEntries(Object.entries(LIBRARIES).map(([k, v]) => [`/${k}.html`, v.html]));
const server = await startServer(pages);
const browser = await launchBrowser();
const { storageState } = await decide(browser, server, lib, LIBRARIES[lib]);
const agg = {};
for (let i = 0; i < 8; i++) {
  const context = await browser.newContext({ storageState, locale: 'ru-RU' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_THROTTLE });
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  await page.goto(`${server.origin}/${lib}.html`, { waitUntil: 'load' });
  await page.waitForFunction(() => performance.getEntriesByName('analytics-ran').length > 0);
  const { profile } = await cdp.send('Profiler.stop');
  const dt = {}; profile.samples.forEach((id, j) => (dt[id] = (dt[id] || 0) + (profile.timeDeltas[j] || 0)));
  for (const n of profile.nodes) {
    const f = n.callFrame; if (!dt[n.id]) continue;
    const k = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}:${f.columnNumber}`;
    agg[k] = (agg[k] || 0) + dt[n.id] / 1000 / 8;
  }
  await context.close();
}
Object.entries(agg).sort((a, b) => b[1] - a[1]).slice(0, 25).forEach(([k, v]) => console.log(v.toFixed(1).padStart(7), k));
await browser.close(); process.exit(0);
