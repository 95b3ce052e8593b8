import { h, type Child } from './h';

interface ModalProps {
  label: string;
  onClose: () => void;
  children?: Child[];
}

/**
 * A native modal `<dialog>`: the browser traps focus, makes the page inert and maps Escape to `cancel`,
 * which closes through `onClose` and never grants anything. mountUI puts focus back afterwards.
 */
export const Modal = ({ label, onClose, children }: ModalProps) => (
  <dialog
    class="sg"
    aria-label={label}
    onCancel={(e: Event) => {
      e.preventDefault();
      onClose();
    }}
  >
    {children}
  </dialog>
);
