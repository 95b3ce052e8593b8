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

/**
 * Reads a policy exported from Word as plain text: one paragraph per line, headings as short lines
 * without final punctuation or in capitals, bullet lines, and `[bookmark: …]` export artefacts dropped.
 * Any HTML stays text: the result is rendered as text nodes.
 *
 * @example
 * parsePlainText('ПОЛИТИКА\n\n1. Общие положения\n· пункт'); // h, h, li
 */
export function parsePlainText(text: string): Block[] {
  const blocks: Block[] = [];
  let prevBlank = true;
  for (const raw of text.replace(/\[bookmark:[^\]]*\]/g, '').split(/\r\n?|\n/)) {
    const line = raw.trim();
    if (!line) {
      prevBlank = true;
      continue;
    }
    const bullet = BULLET.test(line) && !/^-\d/.test(line);
    const body = bullet ? line.replace(BULLET, '') : line;
    const caps = /\p{Lu}{3}/u.test(body) && body === body.toUpperCase();
    const heading = !bullet && body.length <= 90 && !/[.;,:]$/.test(body) && (caps || prevBlank);
    blocks.push({ kind: bullet ? 'li' : heading ? 'h' : 'p', parts: linkify(body) });
    prevBlank = false;
  }
  return blocks;
}
