import { usePopover } from '../components/usePopover';
import { MenuTrigger } from '../components/MenuTrigger';
import { TEMPLATES } from '../core/templates';
import { openTemplate } from './boot';
import { useSignalbox } from '../editor/react';

/** "Templates": each opens as a new design; the current one stays in the library. */
export function TemplatesMenu() {
  const editor = useSignalbox();
  const { open, setOpen, root } = usePopover();
  return (
    <div className="menu" ref={root}>
      <MenuTrigger label="Templates" open={open} popup="menu" onToggle={() => setOpen(!open)} />
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
                openTemplate(editor, t.id);
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
