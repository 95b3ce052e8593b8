import { launchBrowser, CPU_THROTTLE } from './measure.js';
import { startServer } from './server.js';
import { LIBRARIES } from './pages.js';
import { probeSource } from './probe.js';
const pages = Object.fromEntries(Object.entries(LIBRARIES).map(([k, v]) => [`/${k}.html`, v.html]));
const server = await startServer(pages);
const browser = await launchBrowser();
for (const lib of (process.argv[2] || 'soglasie,vanilla-cookieconsent,empty').split(',')) {
  for (let i = 0; i < 5; i++) {
    const def = LIBRARIES[lib];
    const context = await browser.newContext({ locale: 'ru-RU' });
    await context.addInitScript(probeSource(def.banner || { css: 'nothing' }));
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_THROTTLE });
    await page.goto(server.origin + '/' + lib + '.html').catch((e) => console.log(e.message));
    await page.waitForFunction(() => window.__bench.bannerAt !== null || performance.now() > 3000, null, { timeout: 8000 }).catch(() => {});
    const r = await page.evaluate(() => ({
      res: performance.getEntriesByType('resource').map((e) => [e.name.split('/').pop(), Math.round(e.startTime), Math.round(e.responseEnd)]),
      nav: (({ domInteractive, domContentLoadedEventEnd, loadEventEnd }) => ({ domInteractive: Math.round(domInteractive), dcl: Math.round(domContentLoadedEventEnd), load: Math.round(loadEventEnd) }))(performance.getEntriesByType('navigation')[0]),
      ins: Math.round(window.__bench.insertedAt), banner: Math.round(window.__bench.bannerAt), lt: window.__bench.longTasks.map(([s, d]) => `${Math.round(s)}+${Math.round(d)}`).join(' '),
    }));
    console.log(lib, JSON.stringify(r));
    await context.close();
  }
}
await browser.close(); await server.close?.(); process.exit(0);
