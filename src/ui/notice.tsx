import { h } from 'preact';

/**
 * A short visible message after a decision the visitor cannot otherwise see working (a withdrawal, which
 * reloads the page). It stays until closed; screen readers hear it through the status region.
 */
export function Notice({ text, closeLabel, onClose }: { text: string; closeLabel: string; onClose: () => void }) {
  return (
    <div class="sg note">
      <p>{text}</p>
      <button class="x" aria-label={closeLabel} onClick={onClose}>
        ×
      </button>
    </div>
  );
}
