import { reportTo } from '../../../src/config/config-messages';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../../src/config/resolve-config';
import type { ConsentConfig } from '../../../src/config/config-types';

const complete: ConsentConfig = {
  operator: { name: 'ООО «Инфотек»', address: 'г. Тула', email: 'hd@autocrm.ru' },
  processing: { purposes: ['аналитика'] },
  consent: { url: '/consent.txt' },
};
const resolve = (config: ConsentConfig) => {
  const warnings: string[] = [];
  return {
    config: resolveConfig(
      config,
      reportTo((m) => warnings.push(m)),
    ),
    warnings,
  };
};

describe('resolveConfig', () => {
  it('defaults: necessary, analytics, marketing; 6 months; cookie "soglasie" on /; checkbox mode; bottom bar', () => {
    const { config, warnings } = resolve(complete);
    expect(warnings).toEqual([]);
    expect(config.categories.map((c) => c.id)).toEqual(['necessary', 'analytics', 'marketing']);
    expect(config.optional).toEqual(['analytics', 'marketing']);
    expect(config.lifetimeMonths).toBe(6);
    expect(config.cookie).toEqual({ name: 'soglasie', path: '/', domain: undefined });
    expect(config.mode).toBe('checkbox');
    expect(config.position).toBe('bar');
    expect(config.reloadOnWithdraw).toBe(true);
  });

  it('caps the lifetime at 13 months', () => {
    expect(resolve({ ...complete, lifetimeMonths: 13 }).config.lifetimeMonths).toBe(13);
    const { config, warnings } = resolve({ ...complete, lifetimeMonths: 24 });
    expect(config.lifetimeMonths).toBe(6);
    expect(warnings).toEqual(['lifetimeMonths: expected a number from 1 to 13, got 24; using 6']);
  });

  it('rejects bad and duplicate category ids, and lets necessary be described but not removed', () => {
    const { config, warnings } = resolve({
      ...complete,
      categories: [
        { id: 'Analytics Stuff' },
        { id: 'analytics' },
        { id: 'analytics' },
        { id: 'necessary', label: 'Нужные' },
      ],
    });
    expect(config.categories).toEqual([{ id: 'necessary', label: 'Нужные' }, { id: 'analytics' }]);
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(/"Analytics Stuff"/);
    expect(warnings[1]).toMatch(/duplicate id "analytics"/);
  });

  it('names what a Russian consent must contain when the operator or purposes are missing', () => {
    const { warnings } = resolve({});
    expect(warnings).toHaveLength(1);
    for (const element of [
      "operator's name and address",
      'purposes',
      'list of data',
      'processors',
      'actions',
      'term',
      'how to withdraw',
    ]) {
      expect(warnings[0]).toContain(element);
    }
    expect(warnings[0]).toContain(
      'missing: operator.name, operator.address, processing.purposes, operator.email (withdrawal), consent',
    );
  });

  it('falls back to the default cookie name when it is unusable', () => {
    const { config, warnings } = resolve({ ...complete, cookie: { name: 'a b;c' } });
    expect(config.cookie.name).toBe('soglasie');
    expect(warnings[0]).toMatch(/^cookie.name:/);
  });
});

describe('resolveConfig: trackers and URLs', () => {
  it('lists the built-in trackers and their processors under analytics unless the site lists services', () => {
    const { config } = resolve({
      ...complete,
      integrations: { yandexMetrica: { id: 1 }, googleAnalytics: { id: 'G-X' } },
    });
    expect(config.categories[1].services?.map((s) => [s.name, s.processor])).toEqual([
      [
        { ru: 'Яндекс Метрика', en: 'Yandex Metrica' },
        { ru: 'ООО «Яндекс»', en: 'Yandex LLC' },
      ],
      ['Google Analytics', 'Google LLC'],
    ]);
    const own = resolve({
      ...complete,
      categories: [{ id: 'analytics', services: [] }],
      integrations: { yandexMetrica: { id: 1 } },
    });
    expect(own.config.categories[1].services).toEqual([]);
  });

  it('warns that trackers never load without their category', () => {
    const { warnings } = resolve({
      ...complete,
      categories: [{ id: 'marketing' }],
      integrations: { yandexMetrica: { id: 1 }, googleAnalytics: { id: 'G-X' } },
    });
    expect(warnings).toEqual([
      'integrations: yandexMetrica, googleAnalytics wait for the "analytics" category, which is not configured; they will never load',
    ]);
  });

  it('files Metrica under its own category when it has one, and warns only for what cannot load', () => {
    const { config, warnings } = resolve({
      ...complete,
      categories: [{ id: 'marketing' }],
      integrations: { yandexMetrica: { id: 1, category: 'marketing' }, googleAnalytics: { id: 'G-X' } },
    });
    expect(config.categories[1].services?.map((s) => s.name)).toEqual([{ ru: 'Яндекс Метрика', en: 'Yandex Metrica' }]);
    expect(warnings).toEqual([
      'integrations: googleAnalytics wait for the "analytics" category, which is not configured; they will never load',
    ]);
  });

  it('asks for the consent document even when everything else is there', () => {
    const { warnings } = resolve({ ...complete, consent: {} });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/missing: consent \(the consent document\)$/);
  });

  it('refuses script URLs for documents and the endpoint, and malformed digests', () => {
    const { config, warnings } = resolve({
      ...complete,
      policy: { url: 'javascript:alert(1)', version: '1' },
      consent: { url: '/consent.txt', sha256: 'abc' },
      endpoint: ' data:text/html,x',
    });
    expect(config.policy).toEqual({ url: undefined, version: '1' });
    expect(config.consent.sha256).toBeUndefined();
    expect(config.endpoint).toBeUndefined();
    expect(warnings).toHaveLength(3);
  });

  it('sees script URLs the way browsers do: tabs and line breaks inside, control characters before', () => {
    for (const url of ['java\tscript:alert(1)', 'jav\nascript:alert(1)', '\u0001javascript:alert(1)', 'vb\rscript:x']) {
      const { config, warnings } = resolve({ ...complete, policy: { url } });
      expect(config.policy.url, JSON.stringify(url)).toBeUndefined();
      expect(warnings).toHaveLength(1);
    }
    expect(resolve({ ...complete, policy: { url: '/policy.txt' } }).config.policy.url).toBe('/policy.txt');
  });
});
