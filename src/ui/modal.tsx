import { h, type ComponentChildren } from 'preact';

interface ModalProps {
  label: string;
  onClose: () => void;
  children?: ComponentChildren;
}

/**
 * A native modal `<dialog>`: the browser traps focus, makes the page inert and maps Escape to `cancel`,
 * which closes through `onClose` and never grants anything. mountUI opens it with `showModal()` once it
 * is in the page, and puts focus back after it has closed.
 */
export function Modal({ label, onClose, children }: ModalProps) {
  const cancel = (event: Event) => {
    event.preventDefault();
    onClose();
  };
  return (
    <dialog class="sg" aria-label={label} onCancel={cancel}>
      {children}
    </dialog>
  );
}

/** The head of a dialog or the banner: its title and a × that closes without deciding anything. */
export function DialogHead(props: { title: string; closeLabel: string; onClose: () => void; flat?: boolean }) {
  const { title, closeLabel, onClose, flat } = props;
  return (
    <div class="hd" style={flat ? { padding: 0, border: 0 } : undefined}>
      <h2>{title}</h2>
      <button class="x" aria-label={closeLabel} onClick={onClose}>
        ×
      </button>
    </div>
  );
}
