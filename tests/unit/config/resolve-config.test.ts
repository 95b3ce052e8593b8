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
  return { config: resolveConfig(config, (m) => warnings.push(m)), warnings };
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
      categories: [{ id: 'Analytics Stuff' }, { id: 'analytics' }, { id: 'analytics' }, { id: 'necessary', label: 'Нужные' }],
    });
    expect(config.categories).toEqual([{ id: 'necessary', label: 'Нужные' }, { id: 'analytics' }]);
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(/"Analytics Stuff"/);
    expect(warnings[1]).toMatch(/duplicate id "analytics"/);
  });

  it('names what a Russian consent must contain when the operator or purposes are missing', () => {
    const { warnings } = resolve({});
    expect(warnings).toHaveLength(1);
    for (const element of ["operator's name and address", 'purposes', 'list of data', 'processors', 'actions', 'term', 'how to withdraw']) {
      expect(warnings[0]).toContain(element);
    }
    expect(warnings[0]).toContain('missing: operator.name, operator.address, processing.purposes, operator.email (withdrawal), consent');
  });

  it('falls back to the default cookie name when it is unusable', () => {
    const { config, warnings } = resolve({ ...complete, cookie: { name: 'a b;c' } });
    expect(config.cookie.name).toBe('soglasie');
    expect(warnings[0]).toMatch(/^cookie.name:/);
  });
});
