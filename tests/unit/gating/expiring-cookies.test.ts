import { describe, expect, it } from 'vitest';
import { expiringCookies } from '../../../src/gating/expiring-cookies';

const scopes = (list: string[]) => list.map((c) => c.replace(/^_ga=; expires=Thu, 01 Jan 1970 00:00:00 GMT; /, ''));

describe('expiringCookies', () => {
  it('covers host-only and every parent domain, down to the public suffix', () => {
    expect(scopes(expiringCookies('_ga', 'a.b.example.co.uk', '/'))).toEqual([
      'path=/',
      'path=/; domain=a.b.example.co.uk',
      'path=/; domain=b.example.co.uk',
      'path=/; domain=example.co.uk',
      'path=/; domain=co.uk',
    ]);
  });

  it('covers every prefix of the path, with and without its trailing slash (both cookies reach the page)', () => {
    expect(scopes(expiringCookies('_ga', 'localhost', '/shop/cart/item'))).toEqual([
      'path=/',
      'path=/shop',
      'path=/shop/',
      'path=/shop/cart',
      'path=/shop/cart/',
      'path=/shop/cart/item',
    ]);
  });

  it('keeps a trailing slash path distinct and lists each path once', () => {
    expect(scopes(expiringCookies('_ga', 'localhost', '/shop/'))).toEqual(['path=/', 'path=/shop', 'path=/shop/']);
    expect(scopes(expiringCookies('_ga', 'localhost', '/'))).toEqual(['path=/']);
  });

  it('gives IP addresses and single-label hosts no domain attribute', () => {
    expect(scopes(expiringCookies('_ga', '127.0.0.1', '/'))).toEqual(['path=/']);
    expect(scopes(expiringCookies('_ga', '[::1]', '/'))).toEqual(['path=/']);
    expect(scopes(expiringCookies('_ga', 'intranet', '/'))).toEqual(['path=/']);
  });

  it('expires the named cookie', () => {
    expect(expiringCookies('_ym_uid', 'example.com', '/')[0]).toBe(
      '_ym_uid=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/',
    );
  });
});
