import { useEffect, useRef, useState } from 'react';

/** The Escape key presses that closed a popup: what lies under it (the Compare panel) ignores them. */
const closingEscapes = new WeakSet<Event>();

/** Whether this key press was the Escape that closed a popup (one Escape closes one thing). */
export function closedAPopup(event: Event): boolean {
  return closingEscapes.has(event);
}

/**
 * A popup that closes on a pointer down outside its root or on Escape, as menus do in every
 * desktop tool. Returns the open state and the ref for the element that holds button and popup.
 */
export function usePopover<T extends HTMLElement = HTMLDivElement>() {
  const [open, setOpen] = useState(false);
  const root = useRef<T>(null);
  useEffect(() => {
    if (!open) return undefined;
    const close = (e: PointerEvent | KeyboardEvent) => {
      if (e instanceof KeyboardEvent ? e.key === 'Escape' : !root.current?.contains(e.target as Node)) {
        if (e instanceof KeyboardEvent) closingEscapes.add(e);
        setOpen(false);
      }
    };
    window.addEventListener('pointerdown', close);
    // Capture: marked before the window's other Escape handlers look at it.
    window.addEventListener('keydown', close, true);
    return () => {
      window.removeEventListener('pointerdown', close);
      window.removeEventListener('keydown', close, true);
    };
  }, [open]);
  return { open, setOpen, root };
}
