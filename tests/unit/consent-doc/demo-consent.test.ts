import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createConsentDocument, missingConsentFields } from '../../../src';

const read = (path: string) => readFileSync(path, 'utf8');
const site = JSON.parse(read('demo/policies/autocrm-site.json'));

describe('the autocrm.ru demo', () => {
  it('serves the consent document written from its site.json, which is the page configuration', () => {
    expect(missingConsentFields(site)).toEqual([]);
    expect(read('demo/policies/autocrm-consent.txt')).toBe(createConsentDocument(site, { lang: 'ru' }));
    const block = read('demo/autocrm.html').match(
      /<script type="application\/json" data-soglasie-config>([\s\S]*?)<\/script>/,
    );
    expect(JSON.parse(block![1])).toEqual(site);
  });

  it("drops the seed form's drafting note and consent by staying, and keeps the seed as the source", () => {
    const consent = read('demo/policies/autocrm-consent.txt');
    expect(consent).not.toMatch(/оставить, если|Оставаясь на сайте|прекратить использование Сайта/);
    expect(consent).toContain('я сам(а) ставлю отметку у категории');
    const source = read('demo/policies/autocrm-consent.source.txt');
    // The seed's own non-breaking space ("Яндекс\u00a0Метрика") is kept as exported.
    expect(source).toContain(
      '(оставить, если для сбора аналитических данных на сайте используются Яндекс\u00a0Метрика)',
    );
    expect(read('demo/policies/autocrm-policy.txt')).toContain(source.trim().split('\n').at(-1)!);
  });
});
