import { describe, expect, it } from 'vitest';
import { attributePath } from '../../../src/config/attribute-path';

describe('attributePath: data-* attribute → config path', () => {
  it('maps every attribute documented since 0.1 to the same option, read the same way', () => {
    const documented: Record<string, [string, string]> = {
      'policy-url': ['policy.url', 'string'],
      'policy-version': ['policy.version', 'string'],
      'policy-sha256': ['policy.sha256', 'string'],
      'consent-url': ['consent.url', 'string'],
      'consent-version': ['consent.version', 'string'],
      'consent-sha256': ['consent.sha256', 'string'],
      endpoint: ['endpoint', 'string'],
      lang: ['lang', 'string'],
      mode: ['mode', 'string'],
      position: ['position', 'string'],
      theme: ['theme', 'string'],
      'cookie-name': ['cookie.name', 'string'],
      'cookie-domain': ['cookie.domain', 'string'],
      'lifetime-months': ['lifetimeMonths', 'number'],
      'operator-name': ['operator.name', 'string'],
      'operator-inn': ['operator.inn', 'string'],
      'operator-ogrn': ['operator.ogrn', 'string'],
      'operator-address': ['operator.address', 'string'],
      'operator-email': ['operator.email', 'string'],
      purposes: ['processing.purposes', 'list'],
      'yandex-metrica': ['integrations.yandexMetrica.id', 'list'],
      'google-analytics': ['integrations.googleAnalytics.id', 'string'],
      'google-analytics-mode': ['integrations.googleAnalytics.mode', 'string'],
      'google-tag-manager': ['integrations.googleTagManager.id', 'string'],
      'reload-on-withdraw': ['reloadOnWithdraw', 'boolean'],
      'floating-button': ['floatingButton', 'boolean'],
      'respect-gpc': ['respectGpc', 'boolean'],
    };
    const mapped = Object.fromEntries(
      Object.keys(documented).map((name) => [
        name,
        attributePath(name) && [attributePath(name)![0].join('.'), attributePath(name)![1]],
      ]),
    );
    expect(mapped).toEqual(documented);
  });

  it('gives every other one-value option an attribute too', () => {
    expect(attributePath('observe')).toEqual([['observe'], 'boolean']);
    expect(attributePath('cookie-path')).toEqual([['cookie', 'path'], 'string']);
    expect(attributePath('processing-term')).toEqual([['processing', 'term'], 'string']);
    expect(attributePath('yandex-metrica-src')).toEqual([['integrations', 'yandexMetrica', 'src'], 'string']);
  });

  it('has none for objects, free-form JSON, unknown names or prototype keys', () => {
    for (const name of [
      'categories',
      'texts',
      'texts-ru',
      'operator',
      'yandex-metrica-options',
      'colour',
      'policy',
      '__proto__',
      'constructor',
      'cookie-__proto__',
      '',
      'policy-',
      '-url',
    ])
      expect([name, attributePath(name)]).toEqual([name, undefined]);
  });
});
