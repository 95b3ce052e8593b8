import { describe, expect, it } from 'vitest';
import { cookieScopes } from '../../../src/gating/cookie-scopes';

const written = (host: string, path: string) =>
  cookieScopes(host, path).map((scope) => `path=${scope.path}${scope.domain ? `; domain=${scope.domain}` : ''}`);

describe('cookieScopes', () => {
  it('covers host-only and every parent domain, down to the public suffix', () => {
    expect(written('a.b.example.co.uk', '/')).toEqual([
      'path=/',
      'path=/; domain=a.b.example.co.uk',
      'path=/; domain=b.example.co.uk',
      'path=/; domain=example.co.uk',
      'path=/; domain=co.uk',
    ]);
  });

  it('covers every prefix of the path, with and without its trailing slash (both cookies reach the page)', () => {
    expect(written('localhost', '/shop/cart/item')).toEqual([
      'path=/',
      'path=/shop',
      'path=/shop/',
      'path=/shop/cart',
      'path=/shop/cart/',
      'path=/shop/cart/item',
    ]);
  });

  it('keeps a trailing slash path distinct and lists each path once', () => {
    expect(written('localhost', '/shop/')).toEqual(['path=/', 'path=/shop', 'path=/shop/']);
    expect(written('localhost', '/')).toEqual(['path=/']);
  });

  it('gives IP addresses and single-label hosts no domain attribute', () => {
    expect(written('127.0.0.1', '/')).toEqual(['path=/']);
    expect(written('[::1]', '/')).toEqual(['path=/']);
    expect(written('intranet', '/')).toEqual(['path=/']);
  });
});
