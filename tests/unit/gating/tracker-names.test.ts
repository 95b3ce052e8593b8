import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/config/parse-config';
import { resolveConfig } from '../../../src/config/resolve-config';
import type { ConsentConfig } from '../../../src/config/config-types';
import { trackerNames } from '../../../src/gating/tracker-names';

const resolve = (c: ConsentConfig) =>
  resolveConfig(
    parseConfig(c, () => {}),
    () => {},
  );

describe('trackerNames', () => {
  const CATALOGUE_ANALYTICS = ['_gat*', 'roistat_*', 'roistat', '_ct', '_ct_*', 'call_s', 'cted', '_comagic*'];
  const CATALOGUE_MARKETING = ['tmr_*', '_fbp', '_fbc', '_ttp', '_tt_enable_cookie', 'ttcsid*'];

  it("names the built-in trackers' and the catalogue's cookies by category", () => {
    const config = resolve({});
    expect(trackerNames(config, ['analytics'])).toEqual(['_ym*', '_ga*', '_gid', ...CATALOGUE_ANALYTICS]);
    expect(trackerNames(config, ['marketing'])).toEqual(['_gcl*', ...CATALOGUE_MARKETING]);
    expect(trackerNames(config, [])).toEqual([]);
  });

  it("adds each service's cookies", () => {
    const config = resolve({
      categories: [
        { id: 'analytics', services: [{ name: 'A', cookies: ['a_*'] }, { name: 'B' }] },
        { id: 'video', services: [{ name: 'V', cookies: ['v'] }] },
      ],
    });
    expect(trackerNames(config, ['analytics', 'video'])).toEqual([
      '_ym*',
      '_ga*',
      '_gid',
      ...CATALOGUE_ANALYTICS,
      'a_*',
      'v',
    ]);
  });

  it('follows Metrica to its configured category, and leaves its cookies out of analytics then', () => {
    const config = resolve({
      categories: [{ id: 'analytics' }, { id: 'stats' }],
      integrations: { yandexMetrica: { id: 1, category: 'stats' } },
    });
    expect(trackerNames(config, ['stats'])).toEqual(['_ym*']);
    expect(trackerNames(config, ['analytics'])).toEqual(['_ga*', '_gid', ...CATALOGUE_ANALYTICS]);
  });
});
