import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../../src/gating/catalogue/catalogue';
import { matchTracker } from '../../../src/gating/catalogue/match-tracker';
import { TRACKER_ABOUT } from '../../../src/gating/catalogue/tracker-about';

const BASE = 'https://shop.example.ru/catalog/';
const idOf = (url: string) => matchTracker(url, CATALOGUE, BASE)?.id;

describe('matchTracker', () => {
  it("finds each catalogued tracker by its real addresses (the official snippets')", () => {
    expect(idOf('https://mc.yandex.ru/metrika/tag.js?id=87654321')).toBe('yandex-metrica');
    expect(idOf('https://mc.yandex.ru/watch/87654321')).toBe('yandex-metrica');
    expect(idOf('https://mc.webvisor.org/metrika/tag_ww.js')).toBe('yandex-metrica');
    expect(idOf('https://www.googletagmanager.com/gtag/js?id=G-ABC123')).toBe('google-analytics');
    expect(idOf('https://region1.google-analytics.com/g/collect?v=2')).toBe('google-analytics');
    expect(idOf('https://www.googletagmanager.com/gtm.js?id=GTM-ABC1')).toBe('google-tag-manager');
    expect(idOf('https://www.googletagmanager.com/gtag/js?id=AW-123456')).toBe('google-ads');
    expect(idOf('https://googleads.g.doubleclick.net/pagead/viewthroughconversion/1/')).toBe('google-ads');
    expect(idOf('https://top-fwz1.mail.ru/js/code.js')).toBe('vk-ads');
    expect(idOf('https://vk.com/rtrg?p=VK-RTRG-1')).toBe('vk-ads');
    expect(idOf('https://connect.facebook.net/en_US/fbevents.js')).toBe('meta-pixel');
    expect(idOf('https://www.facebook.com/tr?id=1&ev=PageView')).toBe('meta-pixel');
    expect(idOf('https://analytics.tiktok.com/i18n/pixel/events.js')).toBe('tiktok-pixel');
    expect(idOf('https://cloud.roistat.com/api/site/1.0/1/init')).toBe('roistat');
    expect(idOf('https://mod.calltouch.ru/init.js?id=abc')).toBe('calltouch');
    expect(idOf('https://app.comagic.ru/static/cs.min.js')).toBe('comagic');
    expect(idOf('https://www.youtube.com/embed/dQw4w9WgXcQ')).toBe('youtube');
    expect(idOf('https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ')).toBe('youtube');
  });

  it('reads protocol-relative addresses against the page', () => {
    expect(idOf('//mc.yandex.ru/metrika/tag.js')).toBe('yandex-metrica');
  });

  it("leaves the page's own and look-alike addresses alone", () => {
    expect(idOf('/js/app.js')).toBeUndefined();
    expect(idOf('https://shop.example.ru/mc.yandex.ru/metrika/tag.js')).toBeUndefined();
    expect(idOf('https://notmc.yandex.ru.example.com/metrika/tag.js')).toBeUndefined();
    expect(idOf('https://evil-mc.yandex.ru.example.com/')).toBeUndefined();
    expect(idOf('https://fakeyoutube.com/embed/x')).toBeUndefined();
    // Same host, another service: YouTube's pages, Google's reCAPTCHA, VK's widgets.
    expect(idOf('https://www.youtube.com/watch?v=1')).toBeUndefined();
    expect(idOf('https://www.google.com/recaptcha/api.js')).toBeUndefined();
    expect(idOf('https://vk.com/js/api/openapi.js')).toBeUndefined();
  });

  it('only matches http(s) addresses, and survives what is not a URL', () => {
    expect(idOf('javascript:void("mc.yandex.ru/")')).toBeUndefined();
    expect(idOf('data:text/javascript,//mc.yandex.ru/metrika/tag.js')).toBeUndefined();
    expect(idOf('http://[bad')).toBeUndefined();
  });

  it("lets a site's entry put first win over the catalogue", () => {
    const own = { id: 'mc.yandex.ru/', category: 'stats', urls: ['mc.yandex.ru/'] };
    expect(matchTracker('https://mc.yandex.ru/metrika/tag.js', [own, ...CATALOGUE], BASE)?.category).toBe('stats');
  });

  it('describes every catalogued tracker for the dialog and the sweep', () => {
    for (const entry of CATALOGUE) {
      expect(TRACKER_ABOUT[entry.id], entry.id).toBeDefined();
      expect(['analytics', 'marketing']).toContain(entry.category);
      for (const pattern of entry.urls) expect(pattern, entry.id).toMatch(/^[a-z0-9.-]+\//);
    }
  });
});
