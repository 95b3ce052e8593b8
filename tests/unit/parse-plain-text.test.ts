import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { linkify, parsePlainText } from '../../src/ui/parse-plain-text';

const text = (b: { parts: unknown[] }) =>
  b.parts.map((p) => (typeof p === 'string' ? p : (p as { text: string }).text)).join('');

describe('parsePlainText', () => {
  it('finds headings, paragraphs and bullets; drops Word bookmarks', () => {
    const blocks = parsePlainText(
      '[bookmark: OLE_LINK16]Политика\n\nПервый абзац текста, длинный и с точкой в конце.\n· пункт один\n- пункт два\n• пункт три\n\nФОРМА СОГЛАСИЯ НА ОБРАБОТКУ',
    );
    expect(blocks.map((b) => b.kind)).toEqual(['h', 'p', 'li', 'li', 'li', 'h']);
    expect(text(blocks[0])).toBe('Политика');
    expect(text(blocks[4])).toBe('пункт три');
  });

  it('keeps HTML as text', () => {
    const [b] = parsePlainText('<script>alert(1)</script> и <b>жирный</b>.');
    expect(b.parts).toEqual(['<script>alert(1)</script> и <b>жирный</b>.']);
  });

  it('reads both seed policies without a bookmark left', () => {
    for (const file of ['demo/policies/autocrm-policy.txt', 'demo/policies/autoweboffice-policy.txt']) {
      const blocks = parsePlainText(readFileSync(file, 'utf8'));
      expect(blocks.length).toBeGreaterThan(30);
      expect(blocks.some((b) => text(b).includes('[bookmark'))).toBe(false);
      expect(blocks.filter((b) => b.kind === 'h').length).toBeGreaterThan(0);
    }
  });
});

describe('linkify', () => {
  it('makes links of URLs and e-mails only, with http(s) or mailto addresses', () => {
    expect(linkify('Пишите на hd@autocrm.ru или https://autocrm.ru/contacts, www.autocrm.ru.')).toEqual([
      'Пишите на ',
      { text: 'hd@autocrm.ru', href: 'mailto:hd@autocrm.ru' },
      ' или ',
      { text: 'https://autocrm.ru/contacts', href: 'https://autocrm.ru/contacts' },
      ', ',
      { text: 'www.autocrm.ru', href: 'https://www.autocrm.ru' },
      '.',
    ]);
    expect(linkify('javascript:alert(1) data:text/html,x')).toEqual(['javascript:alert(1) data:text/html,x']);
  });
});
