import type { Page } from '@playwright/test';
import { trackerStub } from '../support/tracker-stubs';
import { GTM_CONTAINER } from '../fixtures/autoblock/official-snippets';

/**
 * Every request off this machine, recorded (scheme dropped) and answered by a stand-in: Metrica's tag.js
 * and gtag.js by the shared stubs, gtm.js by a container that adds a pixel and a Metrica tag, anything
 * else (hits, pixels, frames) by an empty 200. Registered on the page, ahead of the fixtures' own route.
 */
export async function trackerHosts(page: Page): Promise<string[]> {
  const hits: string[] = [];
  await page.route(
    (url) => url.hostname !== '127.0.0.1' && url.hostname !== 'localhost',
    async (route) => {
      const url = route.request().url();
      hits.push(url.replace(/^https?:\/\//, ''));
      if (new URL(url).pathname === '/gtm.js')
        return route.fulfill({ status: 200, contentType: 'text/javascript', body: GTM_CONTAINER });
      const stub = trackerStub(url);
      if (stub) return route.fulfill({ status: 200, contentType: stub.contentType, body: stub.body });
      return route.fulfill({ status: 200, contentType: 'text/html', body: '' });
    },
  );
  return hits;
}

/** A page with the Soglasie tag first in <head>, then what the site already had. */
export function taggedPage(opts: { head?: string; body?: string; attrs?: string; nonce?: string } = {}): string {
  const nonce = opts.nonce ? ` nonce="${opts.nonce}"` : '';
  return `<!doctype html>
<html lang="ru"><head><meta charset="utf-8"><title>Site</title>
<script src="/dist/soglasie.iife.js"${nonce} data-policy-url="/policies/autocrm-policy.txt" ${opts.attrs ?? ''}></script>
${opts.head ?? ''}
</head><body><main><h1>Сайт</h1></main>${opts.body ?? ''}</body></html>`;
}

/** How many requests went to each host-and-path (query dropped), for "exactly once" assertions. */
export const counts = (hits: string[]): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const hit of hits) {
    const key = hit.split('?')[0];
    out[key] = (out[key] ?? 0) + 1;
  }
  return out;
};
