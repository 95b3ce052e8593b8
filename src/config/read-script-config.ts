import { attributePath, type Coerce } from './attribute-path';
import type { Warn } from './parse-config';

// Attributes that hosting, frameworks and other tools put on script tags for themselves (Cloudflare,
// Next.js, WordPress optimisers, PageSpeed, other consent tools): not ours, and no mistake of the site.
const FOREIGN =
  /^(cfasync|nscript|noptimize|no-optimize|no-minify|no-defer|pagespeed-no-defer|cookieconsent|ot-ignore|usercentrics)$/;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function coerce(text: string, how: Coerce, name: string, warn: Warn): unknown {
  if (how === 'number') {
    const n = Number(text);
    if (text.trim() && Number.isFinite(n)) return n;
    // A warn function's own return value is never used as a value.
    return void warn(__QUIET__ ? '' : `data-${name}: expected a number, got ${JSON.stringify(text)}; ignored`);
  }
  if (how === 'boolean') {
    // `on`/`off` read naturally for switches: data-autoblock="off".
    if (text === '' || text === 'true' || text === 'on') return true;
    if (text === 'false' || text === 'off') return false;
    return void warn(
      __QUIET__ ? '' : `data-${name}: expected true/false or on/off, got ${JSON.stringify(text)}; ignored`,
    );
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
 * readScriptConfig(document.currentScript, console.warn);
 */
export function readScriptConfig(script: HTMLOrSVGScriptElement | null, warn: Warn): Record<string, unknown> {
  let raw: Record<string, unknown> = {};
  const block = document.querySelector('script[data-soglasie-config]');
  if (block) {
    try {
      const parsed: unknown = JSON.parse(block.textContent || '{}');
      if (isObject(parsed)) raw = parsed;
      else warn(__QUIET__ ? '' : 'data-soglasie-config: expected a JSON object; ignored');
    } catch (error) {
      warn(__QUIET__ ? '' : `data-soglasie-config: not valid JSON (${(error as Error).message}); ignored`);
    }
  }
  for (const attr of Array.from(script?.attributes ?? [])) {
    if (!attr.name.startsWith('data-')) continue;
    const name = attr.name.slice(5);
    if (FOREIGN.test(name)) continue;
    const known = attributePath(name);
    if (!known) {
      warn(__QUIET__ ? '' : `data-${name}: unknown attribute, ignored`);
      continue;
    }
    const value = coerce(attr.value, known[1], name, warn);
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
