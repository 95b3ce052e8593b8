import { reportTo } from '../../../src/config/config-messages';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/config/parse-config';

const parse = (input: unknown) => {
  const warnings: string[] = [];
  const config = parseConfig(
    input,
    reportTo((m) => warnings.push(m)),
  );
  return { config, warnings };
};

describe('parseConfig', () => {
  it('keeps known, well-typed fields as they are', () => {
    const input = {
      policy: { url: '/p.txt', version: '2' },
      mode: 'buttons',
      lifetimeMonths: 12,
      categories: [
        {
          id: 'analytics',
          label: { ru: 'Аналитика', en: 'Analytics' },
          services: [{ name: 'Яндекс Метрика', processor: 'ООО «Яндекс»', cookies: ['_ym*'] }],
        },
      ],
      integrations: { yandexMetrica: { id: [123, '456'], options: { webvisor: true, params: { a: [1, 2] } } } },
    };
    const { config, warnings } = parse(input);
    expect(warnings).toEqual([]);
    expect(config).toEqual(input);
    expect(config.policy).not.toBe(input.policy);
  });

  it('drops an unknown key with one warning that names it', () => {
    const { config, warnings } = parse({ mode: 'buttons', colour: 'red', policy: { url: '/p', href: '/x' } });
    expect(config).toEqual({ mode: 'buttons', policy: { url: '/p' } });
    expect(warnings).toEqual(['colour: unknown option, ignored', 'policy.href: unknown option, ignored']);
  });

  it('drops a wrong type with a warning that names the field and what was expected', () => {
    const { config, warnings } = parse({ lifetimeMonths: '6', lang: 'de', respectGpc: 1, categories: 'analytics' });
    expect(config).toEqual({});
    expect(warnings).toEqual([
      'lifetimeMonths: expected number, got "6"; ignored',
      'lang: expected one of ru, en, got "de"; ignored',
      'respectGpc: expected boolean, got number; ignored',
      'categories: expected list of object, got "analytics"; ignored',
    ]);
  });

  it('drops a bad item of a list but keeps the good ones', () => {
    const { config, warnings } = parse({ categories: [{ id: 'analytics' }, 5, { id: 'marketing' }] });
    expect(config.categories).toEqual([{ id: 'analytics' }, { id: 'marketing' }]);
    expect(warnings).toEqual(['categories[1]: expected object, got number; ignored']);
  });

  it('never throws, whatever it is given', () => {
    for (const input of [
      null,
      undefined,
      42,
      'x',
      [],
      () => 1,
      Symbol('s'),
      NaN,
      { policy: null },
      { lifetimeMonths: Infinity },
    ]) {
      expect(() => parse(input)).not.toThrow();
    }
    expect(parse(7).warnings).toEqual(['config: expected object, got number; ignored']);
  });
});

describe('parseConfig against prototype pollution', () => {
  const hostile = [
    '{"__proto__": {"polluted": true}}',
    '{"constructor": {"prototype": {"polluted": true}}}',
    '{"policy": {"__proto__": {"polluted": true}}}',
    '{"texts": {"ru": {"__proto__": {"polluted": true}, "constructor": "x", "accept": "Да"}}}',
    '{"integrations": {"yandexMetrica": {"id": 1, "options": {"__proto__": {"polluted": true}, "nested": {"constructor": {"prototype": {"polluted": true}}}}}}}',
    '{"categories": [{"id": "analytics", "__proto__": {"polluted": true}}]}',
  ];

  for (const json of hostile) {
    it(`is inert for ${json}`, () => {
      const { config, warnings } = parse(JSON.parse(json));
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
      expect(JSON.stringify(config)).not.toContain('polluted');
      expect(warnings.some((w) => /unsafe key ignored/.test(w))).toBe(true);
    });
  }

  it('keeps the safe siblings of an unsafe key', () => {
    const { config } = parse(JSON.parse('{"texts": {"ru": {"__proto__": {"x": 1}, "accept": "Да"}}}'));
    expect(config.texts?.ru).toEqual({ accept: 'Да' });
    expect(Object.getPrototypeOf(config.texts!.ru)).toBe(Object.prototype);
  });

  it('ignores inherited (non-own) fields of a class instance', () => {
    class Sneaky {
      mode = 'buttons';
    }
    (Sneaky.prototype as unknown as Record<string, unknown>).endpoint = 'https://evil.example/';
    expect(parse(new Sneaky()).config).toEqual({ mode: 'buttons' });
  });
});

describe('parseConfig with a warn function that returns something', () => {
  it('never uses what warn returns as a value (an npm user may pass `m => list.push(m)`)', () => {
    const list: string[] = [];
    const deep = { a: { b: { c: { d: { e: { f: 1 } } } } } };
    const config = parseConfig(
      { integrations: { yandexMetrica: { id: 1, options: { deep, fn: undefined } } } },
      reportTo((m) => list.push(m)),
    );
    const options = config.integrations!.yandexMetrica!.options as Record<string, unknown>;
    expect(JSON.stringify(options)).not.toMatch(/\d+}/);
    expect(JSON.stringify(options)).toBe('{"deep":{"a":{"b":{"c":{}}}}}');
    expect(list.length).toBeGreaterThanOrEqual(2);
  });
});
