/** A run of text, or a link made from a URL or e-mail address in it. */
export type Inline = string | { href: string; text: string };

/** A block of a document: heading, paragraph or bullet item. */
export interface Block {
  kind: 'h' | 'p' | 'li';
  parts: Inline[];
}

const LINK = /https?:\/\/[^\s<>"«»]*[^\s<>"«».,;:!?)]|www\.[^\s<>"«»]*[^\s<>"«».,;:!?)]|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
const BULLET = /^[·•\-–—*▪]\s*/;

/** Splits a line into text and links; only http(s) and mailto addresses are ever produced. */
export function linkify(line: string): Inline[] {
  const parts: Inline[] = [];
  let last = 0;
  for (const m of line.matchAll(LINK)) {
    const text = m[0];
    if (m.index! > last) parts.push(line.slice(last, m.index));
    parts.push({
      text,
      href:
        text.includes('@') && !text.includes('/')
          ? `mailto:${text}`
          : text.startsWith('www.')
            ? `https://${text}`
            : text,
    });
    last = m.index! + text.length;
  }
  if (last < line.length) parts.push(line.slice(last));
  return parts;
}

// A form's blank to fill in ("по ссылке: ______"): an unfilled template line, not content.
const BLANK = /_{4,}/;

/**
 * Reads a policy exported from Word as plain text: one paragraph per line, headings as short lines
 * without final punctuation or in capitals, bullet lines, and `[bookmark: …]` export artefacts dropped.
 * What Word leaves at the end of an export is dropped too: a line with a blank to fill in (four or more
 * underscores) and a heading line that repeats two or more consecutive earlier headings, whatever its
 * case and spacing ("…ДАННЫХ" + "ДЛЯ…" coming back as "…данныхдля…": a page header that lost its line
 * break). A single heading that comes back is kept.
 * Any HTML stays text: the result is rendered as text nodes.
 *
 * @example
 * parsePlainText('ПОЛИТИКА\n\n1. Общие положения\n· пункт'); // h, h, li
 */
export function parsePlainText(text: string): Block[] {
  const blocks: Block[] = [];
  // The consecutive headings since the last other block, and each run of two or more so far: their
  // letters only, so that a copy with its word breaks lost still matches.
  let run = '';
  const runs: string[] = [];
  let prevBlank = true;
  for (const raw of text.replace(/\[bookmark:[^\]]*\]/g, '').split(/\r\n?|\n/)) {
    const line = raw.trim();
    if (!line) {
      prevBlank = true;
      continue;
    }
    if (BLANK.test(line)) continue;
    const bullet = BULLET.test(line) && !/^-\d/.test(line);
    const body = bullet ? line.replace(BULLET, '') : line;
    const caps = /\p{Lu}{3}/u.test(body) && body === body.toUpperCase();
    const heading = !bullet && body.length <= 90 && !/[.;,:]$/.test(body) && (caps || prevBlank);
    if (heading) {
      const key = body.toLowerCase().replace(/\s/g, '');
      if (runs.includes(key)) continue;
      if (run) runs.push(run + key);
      run += key;
    } else {
      run = '';
    }
    blocks.push({ kind: bullet ? 'li' : heading ? 'h' : 'p', parts: linkify(body) });
    prevBlank = false;
  }
  return blocks;
}

/**
 * The blocks without the first one when it only repeats the title the dialog already shows
 * (letter case, spacing and final punctuation aside).
 *
 * @example
 * withoutTitle(parsePlainText('Политика конфиденциальности\n\nТекст.'), 'Политика конфиденциальности'); // [p]
 */
export function withoutTitle(blocks: Block[], title: string): Block[] {
  const first = blocks[0];
  if (!first || first.kind !== 'h') return blocks;
  const bare = (line: string) =>
    line
      .trim()
      .toLowerCase()
      .replace(/\s+/g, ' ')
      .replace(/[.:;!]+$/, '');
  const firstText = first.parts.map((part) => (typeof part === 'string' ? part : part.text)).join('');
  return bare(firstText) === bare(title) ? blocks.slice(1) : blocks;
}
