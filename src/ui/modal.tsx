import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

interface ModalProps {
  label: string;
  onClose: () => void;
  children: ComponentChildren;
  wide?: boolean;
}

/**
 * A native modal `<dialog>`: the browser traps focus, makes the page inert and maps Escape to `cancel`.
 * We close through `onClose` (never granting anything) and put focus back where it was.
 */
export function Modal({ label, onClose, children }: ModalProps) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current!;
    const root = dialog.getRootNode() as ShadowRoot;
    const back = (root.activeElement ?? document.activeElement) as HTMLElement | null;
    dialog.showModal();
    return () => {
      if (dialog.open) dialog.close();
      back?.focus?.();
    };
  }, []);
  return (
    <dialog
      ref={ref}
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
}
