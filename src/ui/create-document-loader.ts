import type { ResolvedConfig } from '../config/config-types';
import type { DocKind } from './ui-state';

/**
 * The text of the policy or the consent document: given inline, or fetched from its URL the first time
 * the viewer opens it. A failed fetch is not kept: opening the document again tries again.
 */
export function createDocumentLoader(config: ResolvedConfig): (kind: DocKind) => Promise<string> {
  const texts: Partial<Record<DocKind, Promise<string>>> = {};
  const fetchText = async (kind: DocKind, url: string) => {
    try {
      const response = await fetch(url, { credentials: 'same-origin' });
      if (!response.ok) throw new Error(`${response.status}`);
      return await response.text();
    } catch (error) {
      delete texts[kind];
      throw error;
    }
  };
  return (kind) => {
    const doc = config[kind];
    let text = texts[kind];
    if (!text) {
      text = doc.text !== undefined ? Promise.resolve(doc.text) : fetchText(kind, doc.url!);
      texts[kind] = text;
    }
    return text;
  };
}
