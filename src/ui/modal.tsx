import type { ComponentChildren } from 'preact';

interface ModalProps {
  label: string;
  onClose: () => void;
  children: ComponentChildren;
}

/**
 * A native modal `<dialog>`: the browser traps focus, makes the page inert and maps Escape to `cancel`,
 * which closes through `onClose` and never grants anything. mountUI puts focus back afterwards.
 */
export const Modal = ({ label, onClose, children }: ModalProps) => (
  <dialog
    ref={(el) => {
      if (el && !el.open) el.showModal();
    }}
    class="sg"
    aria-label={label}
    onCancel={(e) => {
      e.preventDefault();
      onClose();
    }}
  >
    {children}
  </dialog>
);
