import { h } from 'preact';
import type { DocKind, UiProps } from './ui-state';

/**
 * Links to the policy and the consent document, each opening the viewer: the banner shows them, and so
 * do the preferences, where consent can be given too.
 */
export function DocLinks({ consent, texts, show }: UiProps) {
  const kinds = (['policy', 'consent'] as DocKind[]).filter((kind) => {
    const doc = consent.config[kind];
    return Boolean(doc.url || doc.text);
  });
  if (!kinds.length) return null;
  const links = kinds.map((kind) => (
    <a
      href={consent.config[kind].url || '#'}
      onClick={(event: Event) => {
        event.preventDefault();
        show(kind);
      }}
    >
      {texts[kind]}
    </a>
  ));
  // A space between them for copied text and reader modes; the flex gap spaces them on screen.
  return <p class="docs">{links.length > 1 ? [links[0], ' ', links[1]] : links}</p>;
}
