import { attributePath, type Coerce } from './attribute-path';
import type { Report } from './config-problem';

// Attributes that hosting, frameworks and other tools put on script tags for themselves (Cloudflare,
// Next.js, WordPress optimisers, PageSpeed, other consent tools): not ours, and no mistake of the site.
const FOREIGN =
  /^(cfasync|nscript|noptimize|no-optimize|no-minify|no-defer|pagespeed-no-defer|cookieconsent|ot-ignore|usercentrics)$/;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function coerce(text: string, how: Coerce, name: string, report: Report): unknown {
  if (how === 'number') {
    const n = Number(text);
    if (text.trim() && Number.isFinite(n)) return n;
    report('attributeNumber', name, text);
    return undefined;
  }
  if (how === 'boolean') {
    // `on`/`off` read naturally for switches: data-autoblock="off".
    if (text === '' || text === 'true' || text === 'on') return true;
    if (text === 'false' || text === 'off') return false;
    report('attributeBoolean', name, text);
    return undefined;
  }
  if (how === 'list')
    return text
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  return text;
}

/**
 * The raw configuration of a script tag: the `<script type="application/json" data-soglasie-config>`
 * block, then the tag's own `data-*` attributes over it. The result still goes through `parseConfig`.
 *
 * @example
 * readScriptConfig(document.currentScript, reportTo(console.warn));
 */
export function readScriptConfig(script: HTMLOrSVGScriptElement | null, report: Report): Record<string, unknown> {
  let raw: Record<string, unknown> = {};
  const block = document.querySelector('script[data-soglasie-config]');
  if (block) {
    try {
      const parsed: unknown = JSON.parse(block.textContent || '{}');
      if (isObject(parsed)) raw = parsed;
      else report('blockNotObject');
    } catch (error) {
      report('blockNotJson', (error as Error).message);
    }
  }
  for (const attr of Array.from(script?.attributes ?? [])) {
    if (!attr.name.startsWith('data-')) continue;
    const name = attr.name.slice(5);
    if (FOREIGN.test(name)) continue;
    const known = attributePath(name);
    if (!known) {
      report('attributeUnknown', name);
      continue;
    }
    const value = coerce(attr.value, known[1], name, report);
    if (value === undefined) continue;
    const keys = known[0];
    let node = raw;
    for (const key of keys.slice(0, -1)) {
      // Path keys come from the allow-list (attributePath), never from the page.
      if (!isObject(node[key])) node[key] = {};
      node = node[key] as Record<string, unknown>;
    }
    node[keys[keys.length - 1]] = value;
  }
  return raw;
}
