/**
 * Stand-ins for the trackers' scripts, served in place of the real hosts (no test reaches the network).
 * Each stub does what matters to the tests: it runs, and it "sends a hit" as a request to its host,
 * which the fixtures record like any other analytics request.
 */
export function trackerStub(url: string): { body: string; contentType: string } | undefined {
  const u = new URL(url);
  if (u.hostname === 'mc.yandex.ru' && u.pathname === '/metrika/tag.js') {
    return {
      contentType: 'text/javascript',
      body: `(function(){
        window.__trackerRuns = (window.__trackerRuns || 0) + 1;
        var q = (window.ym && window.ym.a) || [];
        function handle(args){ if (args[1] === 'init') { var i = new Image(); i.src = 'https://mc.yandex.ru/watch/' + args[0]; document.cookie = '_ym_uid=1; path=/'; document.cookie = '_ym_d=1; path=/'; try { localStorage.setItem('_ym_uid', '1'); } catch (e) {} } else if (args[1] === 'hit' || args[1] === 'reachGoal') { var j = new Image(); j.src = 'https://mc.yandex.ru/watch/' + args[0] + '?' + args[1]; } }
        for (var k = 0; k < q.length; k++) handle(q[k]);
        window.ym = function(){ handle(arguments); };
      })();`,
    };
  }
  if (u.hostname === 'www.googletagmanager.com' && (u.pathname === '/gtag/js' || u.pathname === '/gtm.js')) {
    return {
      contentType: 'text/javascript',
      body: `(function(){
        window.__trackerRuns = (window.__trackerRuns || 0) + 1;
        var dl = window.dataLayer = window.dataLayer || [];
        function granted(){ var g = false; for (var i = 0; i < dl.length; i++) { var a = dl[i]; if (a && a[0] === 'consent') g = a[2] && a[2].analytics_storage === 'granted'; } return g; }
        function handle(a){ if (a && a[0] === 'config') { if (granted()) { document.cookie = '_ga=GA1.1.1; path=/'; document.cookie = '_ga_' + String(a[1]).slice(2) + '=GS1; path=/'; } fetch('https://www.google-analytics.com/g/collect?tid=' + a[1] + '&gcs=' + (granted() ? 'G111' : 'G100'), { mode: 'no-cors' }); } }
        for (var i = 0; i < dl.length; i++) handle(dl[i]);
        var push = dl.push.bind(dl); dl.push = function(a){ var r = push(a); handle(a); return r; };
      })();`,
    };
  }
  return undefined;
}

/** Hosts whose requests count as analytics traffic. */
export const ANALYTICS_HOSTS =
  /(^|\.)(mc\.yandex\.ru|mc\.yandex\.com|yandex\.ru|googletagmanager\.com|google-analytics\.com|doubleclick\.net|google\.com)$/;
