import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempFiles } from '../support/run-cli';
import { createConsentDocument } from '../../../src';
import { completeConfig } from './consent-doc-fixture';

const run = runCli;
const { dir, file } = tempFiles('soglasie-consent-doc-');
const site = file('site.json', JSON.stringify(completeConfig()));

describe('soglasie consent-doc', () => {
  it('prints the consent document made from site.json, in Russian by default', async () => {
    expect(await run(['consent-doc', '--config', site])).toEqual({
      code: 0,
      out: createConsentDocument(completeConfig(), { lang: 'ru' }),
      err: '',
    });
  });

  it('writes the --out file in the --lang language', async () => {
    const out = join(dir, 'consent-en.txt');
    expect(await run(['consent-doc', '--config', site, '--lang', 'en', '--out', out])).toEqual({
      code: 0,
      out: '',
      err: '',
    });
    expect(readFileSync(out, 'utf8')).toBe(createConsentDocument(completeConfig(), { lang: 'en' }));
  });

  it('exits 1 listing what the configuration lacks, and writes nothing', async () => {
    const partial = file('partial.json', JSON.stringify({ operator: { name: 'ООО «Инфотек»' }, operatr: {} }));
    const out = join(dir, 'never.txt');
    const { code, out: printed, err } = await run(['consent-doc', '--config', partial, '--out', out]);
    expect(code).toBe(1);
    expect(printed).toBe('');
    expect(existsSync(out)).toBe(false);
    expect(err).toContain(`soglasie: ${partial}: operatr: unknown option, ignored`);
    expect(err).toContain(
      'lacks what a consent under 152-FZ art. 9 part 4 must name; add:\n  operator.ogrn or operator.inn\n',
    );
    expect(err).toContain('  processing.term\n');
    expect(err).not.toContain('  operator.name\n');
  });

  it("names the configuration's other problems and still writes the document", async () => {
    const config = {
      ...completeConfig(),
      categories: [{ id: 'analytics' }],
      integrations: { yandexMetrica: { id: 1 }, googleTagManager: { id: 'GTM-X', category: 'marketing' } },
    };
    const { code, out, err } = await run(['consent-doc', '--config', file('gtm.json', JSON.stringify(config))]);
    expect(code).toBe(0);
    expect(out).toContain('ООО «Яндекс»');
    expect(out).not.toContain('Google Tag Manager');
    expect(err).toBe(
      `soglasie: ${join(dir, 'gtm.json')}: integrations: googleTagManager wait for the "marketing" category, which is not configured; they will never load\n`,
    );
  });

  it('exits 1 naming a file that is missing or not JSON', async () => {
    const missing = await run(['consent-doc', '--config', join(dir, 'nope.json')]);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('nope.json: ENOENT');
    const broken = await run(['consent-doc', '--config', file('broken.json', '{ "operator": ')]);
    expect(broken.code).toBe(1);
    expect(broken.err).toMatch(/broken\.json: not JSON: /);
  });

  it('exits 1 naming an --out file it cannot write', async () => {
    const { code, err } = await run(['consent-doc', '--config', site, '--out', join(dir, 'no-dir', 'consent.txt')]);
    expect(code).toBe(1);
    expect(err).toContain('cannot write');
    expect(err).toContain('ENOENT');
  });

  it('exits 2 with the usage without --config, with another language or an unknown flag', async () => {
    for (const argv of [
      ['consent-doc'],
      ['consent-doc', '--config'],
      ['consent-doc', '--config', site, '--lang', 'de'],
      ['consent-doc', '--config', site, '--format', 'html'],
    ]) {
      const { code, err } = await run(argv);
      expect(code).toBe(2);
      expect(err).toContain('soglasie consent-doc --config site.json [--lang ru|en] [--out consent.txt]');
    }
  });
});
