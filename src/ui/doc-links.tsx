import { h } from './h';
import type { UiProps } from './ui-state';

/**
 * Links to the policy and the consent document, each opening the viewer: the banner shows them, and so
 * do the preferences, where consent can be given too.
 */
export function DocLinks({ consent, t, show }: UiProps) {
  const link = (kind: 'policy' | 'consent') => {
    const doc = consent.config[kind];
    return (
      (doc.url || doc.text) && (
        <a
          href={doc.url || '#'}
          onClick={(e: Event) => {
            e.preventDefault();
            show(kind);
          }}
        >
          {t[kind]}
        </a>
      )
    );
  };
  const links = [link('policy'), link('consent')].filter(Boolean);
  // A space between them for copied text and reader modes; the flex gap spaces them on screen.
  return links.length ? <p class="docs">{links.length > 1 ? [links[0], ' ', links[1]] : links}</p> : null;
}
