import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { linkify, parsePlainText, withoutTitle } from '../../src/ui/parse-plain-text';

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
  it('drops a blank to fill in and a heading repeated with its words run together (Word export tail)', () => {
    const blocks = parsePlainText(
      'ФОРМА СОГЛАСИЯ НА ОБРАБОТКУ ПЕРСОНАЛЬНЫХ ДАННЫХ\nДЛЯ ПОСЕТИТЕЛЕЙ САЙТА\n\nТекст согласия.\n\n' +
        'Форма размещается на Сайте по ссылке: _______________________.\n\n____________\n\n' +
        'форма согласия на обработку персональных данныхдля посетителей сайта\n \n',
    );
    expect(blocks.map(text)).toEqual([
      'ФОРМА СОГЛАСИЯ НА ОБРАБОТКУ ПЕРСОНАЛЬНЫХ ДАННЫХ',
      'ДЛЯ ПОСЕТИТЕЛЕЙ САЙТА',
      'Текст согласия.',
    ]);
  });

  it('keeps a heading that comes back with its words intact, and underscores in names', () => {
    const blocks = parsePlainText('Общие положения\n\nТекст.\n\nОбщие положения\n\nПоле user_id и __init__.');
    expect(blocks.map(text)).toEqual(['Общие положения', 'Текст.', 'Общие положения', 'Поле user_id и __init__.']);
  });

  it("shows none of the autocrm.ru policy's Word export tail", () => {
    const blocks = parsePlainText(readFileSync('demo/policies/autocrm-policy.txt', 'utf8'));
    const all = blocks.map(text);
    expect(all.some((line) => line.includes('___'))).toBe(false);
    expect(all.some((line) => line.includes('данныхдля'))).toBe(false);
    expect(all.at(-1)).toContain('Настоящее Согласие действует с момента его предоставления');
  });
});

describe('withoutTitle', () => {
  it('drops a first heading that repeats the dialog title, whatever its case', () => {
    const blocks = parsePlainText('ПОЛИТИКА КОНФИДЕНЦИАЛЬНОСТИ\n\nТекст политики.');
    expect(withoutTitle(blocks, 'Политика конфиденциальности').map(text)).toEqual(['Текст политики.']);
    const seed = parsePlainText(readFileSync('demo/policies/autocrm-policy.txt', 'utf8'));
    expect(text(withoutTitle(seed, 'Политика конфиденциальности')[0])).toMatch(
      /^Политика конфиденциальности \(«Политика»\)/,
    );
  });

  it('keeps the first line when it differs from the title or is not a heading', () => {
    const blocks = parsePlainText('Политика обработки персональных данных\n\nТекст.');
    expect(withoutTitle(blocks, 'Политика конфиденциальности')).toBe(blocks);
    const paragraph = parsePlainText('Политика конфиденциальности действует с 1 мая.');
    expect(withoutTitle(paragraph, 'Политика конфиденциальности')).toBe(paragraph);
    expect(withoutTitle([], 'Политика конфиденциальности')).toEqual([]);
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
