import { useEffect, useRef, type ReactNode, type RefObject } from 'react';

interface ModalDialogProps {
  /** The id of the heading that names the dialog. */
  labelledBy: string;
  onClose: () => void;
  /** What gets focus when it opens; otherwise the browser picks the first focusable element. */
  initialFocus?: RefObject<HTMLElement | null>;
  role?: 'dialog' | 'alertdialog';
  className?: string;
  testId?: string;
  children: ReactNode;
}

/**
 * A native modal `<dialog>`: the browser makes the page behind it inert (focus stays inside) and
 * closes it on Escape. Mounted only while open, so opening is simply rendering it.
 */
export function ModalDialog({ labelledBy, onClose, initialFocus, role, className, testId, children }: ModalDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    // No cleanup that closes it: StrictMode runs effects twice, and unmounting removes it anyway.
    if (dialog && !dialog.open) dialog.showModal();
    initialFocus?.current?.focus();
  }, [initialFocus]);
  return (
    <dialog
      ref={ref}
      className={`dialog${className ? ` ${className}` : ''}`}
      role={role}
      aria-labelledby={labelledBy}
      aria-modal="true"
      data-testid={testId}
      onClose={onClose}
    >
      {children}
    </dialog>
  );
}
