import { h } from 'preact';
import type { UiProps } from './ui-state';

/** The way back to the preferences (and to withdrawal) after the banner has gone: 152-FZ art. 9 part 2. */
export function FloatingButton({ texts, show }: UiProps) {
  return (
    <button class="fab" aria-label={texts.prefs} title={texts.prefs} onClick={() => show('preferences')}>
      ⚙
    </button>
  );
}
