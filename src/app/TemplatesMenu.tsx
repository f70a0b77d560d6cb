import { useEffect, useRef, useState } from 'react';
import { TEMPLATES } from '../core/templates';
import { openTemplate } from './boot';

/** "Templates": each opens as a new design; the current one stays in the library. */
export function TemplatesMenu() {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return undefined;
    const close = (e: PointerEvent | KeyboardEvent) => {
      if (e instanceof KeyboardEvent ? e.key === 'Escape' : !root.current?.contains(e.target as Node)) setOpen(false);
    };
    window.addEventListener('pointerdown', close);
    window.addEventListener('keydown', close);
    return () => {
      window.removeEventListener('pointerdown', close);
      window.removeEventListener('keydown', close);
    };
  }, [open]);
  return (
    <div className="menu" ref={root}>
      <button
        type="button"
        className="button button--ghost"
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        Templates
        <svg viewBox="0 0 12 12" width="10" height="10" aria-hidden="true">
          <path d="m3 4.5 3 3 3-3" fill="none" stroke="currentColor" strokeWidth="1.5" />
        </svg>
      </button>
      {open && (
        <div className="menu__popup" role="menu" aria-label="Templates">
          {TEMPLATES.map((t) => (
            <button
              key={t.id}
              type="button"
              role="menuitem"
              className="menu__item"
              onClick={() => {
                setOpen(false);
                openTemplate(t.id);
              }}
            >
              <span className="menu__item-name">{t.name}</span>
              <span className="menu__item-desc">{t.description}</span>
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
