import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseConfig } from '../../../src/config/parse-config';
import { resolveConfig } from '../../../src/config/resolve-config';
import type { ConsentConfig } from '../../../src/config/config-types';
import {
  confirmDecisionCookie,
  consentCookieName,
  isHostOnlyCookie,
  readDecisionCookie,
  writeDecisionCookie,
} from '../../../src/store/consent-cookie';
import { encodeDecision, type StoredDecision } from '../../../src/store/stored-decision';

const quiet = () => {};
const config = (c: ConsentConfig = {}) => resolveConfig(parseConfig(c, quiet), quiet);

const decision = (over: Partial<StoredDecision> = {}): StoredDecision => ({
  subjectId: '0f8fad5b-d9cb-469f-a165-70867728950e',
  decisions: { analytics: false, marketing: false },
  policyVersion: '',
  consentVersion: '',
  time: Math.floor(Date.now() / 1000),
  timeMs: Date.now(),
  receiptId: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
  method: 'button',
  event: 'decline',
  gpc: false,
  sequence: 1,
  confirmed: false,
  ...over,
});

interface Stored {
  name: string;
  value: string;
  domain: string;
  hostOnly: boolean;
  path: string;
}

/**
 * A browser's cookie jar as one page of `url` sees it through `document.cookie`: cookies are keyed by
 * name, domain and path; a Domain cookie is seen by every subdomain; longer paths come first; an expired
 * write deletes; `__Host-` cookies must be Secure, host-only and on `/`.
 */
function cookieJar(url: string) {
  const page = new URL(url);
  const jar: Stored[] = [];
  const sees = (c: Stored) =>
    (c.hostOnly ? page.hostname === c.domain : page.hostname === c.domain || page.hostname.endsWith('.' + c.domain)) &&
    (page.pathname === c.path || page.pathname.startsWith(c.path.endsWith('/') ? c.path : c.path + '/'));
  const set = (text: string, from = page.hostname) => {
    const [pair, ...attributes] = text.split(';').map((part) => part.trim());
    const at = pair.indexOf('=');
    const cookie: Stored = {
      name: pair.slice(0, at),
      value: pair.slice(at + 1),
      domain: from,
      hostOnly: true,
      path: '/',
    };
    let expired = false;
    let secure = false;
    for (const attribute of attributes) {
      const [key, value = ''] = attribute.split('=');
      if (key.toLowerCase() === 'domain' && value)
        Object.assign(cookie, { domain: value.replace(/^\./, ''), hostOnly: false });
      if (key.toLowerCase() === 'path') cookie.path = value;
      if (key.toLowerCase() === 'expires') expired = new Date(value).getTime() < Date.now();
      if (key.toLowerCase() === 'secure') secure = true;
    }
    if (cookie.name.startsWith('__Host-') && (!secure || !cookie.hostOnly || cookie.path !== '/')) return;
    const same = jar.findIndex(
      (c) =>
        c.name === cookie.name &&
        c.domain === cookie.domain &&
        c.hostOnly === cookie.hostOnly &&
        c.path === cookie.path,
    );
    if (same >= 0) jar.splice(same, 1);
    if (!expired) jar.push(cookie);
  };
  const document = {
    get cookie() {
      return jar
        .filter(sees)
        .sort((a, b) => b.path.length - a.path.length)
        .map((c) => `${c.name}=${c.value}`)
        .join('; ');
    },
    set cookie(text: string) {
      set(text);
    },
  };
  vi.stubGlobal('document', document);
  vi.stubGlobal('location', page);
  return { jar, document, plant: (text: string, from: string) => set(text, from) };
}

describe('the consent cookie', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('is a __Host- cookie on https with no domain, and the plain name on http or with a domain', () => {
    cookieJar('https://www.site.test/');
    expect(consentCookieName(config())).toBe('__Host-soglasie');
    expect(isHostOnlyCookie(config())).toBe(true);
    expect(consentCookieName(config({ cookie: { domain: 'site.test' } }))).toBe('soglasie');
    expect(consentCookieName(config({ cookie: { path: '/shop' } }))).toBe('soglasie');
    cookieJar('http://www.site.test/');
    expect(consentCookieName(config())).toBe('soglasie');
    expect(isHostOnlyCookie(config())).toBe(false);
  });

  it('writes and reads back a decision, keeping `|` and `:` readable on the wire', () => {
    const { jar } = cookieJar('https://www.site.test/page');
    writeDecisionCookie(config(), decision());
    expect(jar).toMatchObject([{ name: '__Host-soglasie', hostOnly: true, path: '/' }]);
    expect(jar[0].value).toMatch(/^2\|.*\|analytics:0%2Cmarketing:0\|/);
    expect(readDecisionCookie(config())).toMatchObject({ receiptId: decision().receiptId, confirmed: false });
  });

  it('on https ignores a plain-name cookie a sibling planted for the whole domain', () => {
    const { plant } = cookieJar('https://www.site.test/');
    plant(
      `soglasie=${encodeDecision(decision({ decisions: { analytics: true, marketing: true } }))}; Domain=site.test; Path=/`,
      'evil.site.test',
    );
    expect(readDecisionCookie(config())).toBeUndefined();
  });

  it('takes over the plain-name cookie of an earlier release once, when it was provably this host’s own', () => {
    const { jar, document } = cookieJar('https://www.site.test/');
    document.cookie = `soglasie=${encodeDecision(decision())}; Path=/`;
    expect(readDecisionCookie(config())).toMatchObject({ receiptId: decision().receiptId });
    expect(jar.map((c) => c.name)).toEqual(['__Host-soglasie']);
  });

  it('finds a conflict in two cookies of the name: no decision, and the next write clears the planted copy', () => {
    const shared = config({ cookie: { domain: 'site.test' } });
    const { jar, plant } = cookieJar('http://www.site.test/shop/item');
    writeDecisionCookie(shared, decision());
    const grant = decision({ decisions: { analytics: true, marketing: true }, event: 'accept' });
    plant(`soglasie=${encodeDecision(grant)}; Domain=site.test; Path=/shop`, 'evil.site.test');
    expect(jar).toHaveLength(2);
    expect(readDecisionCookie(shared)).toBeUndefined();
    writeDecisionCookie(shared, decision({ receiptId: '6ba7b810-9dad-41d1-80b4-00c04fd430c8' }));
    expect(jar).toMatchObject([{ domain: 'site.test', path: '/' }]);
    expect(readDecisionCookie(shared)?.receiptId).toBe('6ba7b810-9dad-41d1-80b4-00c04fd430c8');
  });

  it('marks the receipt confirmed only while the cookie still holds that receipt', () => {
    cookieJar('https://www.site.test/');
    writeDecisionCookie(config(), decision({ previousReceiptId: '6ba7b810-9dad-41d1-80b4-00c04fd430c8' }));
    confirmDecisionCookie(config(), 'aaaaaaaa-0000-4000-8000-000000000000');
    expect(readDecisionCookie(config())?.confirmed).toBe(false);
    confirmDecisionCookie(config(), decision().receiptId);
    const confirmed = readDecisionCookie(config());
    expect(confirmed?.confirmed).toBe(true);
    expect(confirmed).not.toHaveProperty('previousReceiptId');
  });

  it('never throws where cookies are refused (a sandboxed frame)', () => {
    vi.stubGlobal('location', new URL('https://www.site.test/'));
    vi.stubGlobal('document', {
      get cookie(): string {
        throw new DOMException('sandboxed', 'SecurityError');
      },
      set cookie(_text: string) {
        throw new DOMException('sandboxed', 'SecurityError');
      },
    });
    expect(readDecisionCookie(config())).toBeUndefined();
    expect(() => writeDecisionCookie(config(), decision())).not.toThrow();
    expect(() => confirmDecisionCookie(config(), decision().receiptId)).not.toThrow();
  });
});
