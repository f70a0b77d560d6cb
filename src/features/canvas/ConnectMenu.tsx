import { useEffect, useRef } from 'react';
import type { NodeKind } from '../../core/model/types';
import { NodeIcon } from '../../components/NodeIcon';
import { NODE_KIND_LABELS, PALETTE_KINDS } from '../../components/nodeKindInfo';

interface ConnectMenuProps {
  /** Where the connection was dropped, in pixels from the canvas's top-left. */
  x: number;
  y: number;
  fromName: string;
  onPick: (kind: NodeKind) => void;
  onClose: () => void;
}

/**
 * Offered where a connection is dropped on empty canvas: which kind of node to create there,
 * linked in the same step. Keyboard first: the first kind has focus, arrows move, Enter picks,
 * Escape (or a click elsewhere) closes without creating anything.
 */
export function ConnectMenu({ x, y, fromName, onPick, onClose }: ConnectMenuProps) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.querySelector<HTMLButtonElement>('[role="menuitem"]')?.focus();
  }, []);

  const move = (by: number | 'first' | 'last') => {
    const items = [...(ref.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLButtonElement);
    const next = by === 'first' ? 0 : by === 'last' ? items.length - 1 : (at + by + items.length) % items.length;
    items[next]?.focus();
  };

  return (
    <div
      ref={ref}
      className="sb-connect-menu nodrag nopan nowheel"
      role="menu"
      aria-label={`New node linked to ${fromName}`}
      style={{ left: x, top: y }}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'ArrowDown') move(1);
        else if (e.key === 'ArrowUp') move(-1);
        else if (e.key === 'Home') move('first');
        else if (e.key === 'End') move('last');
        else if (e.key === 'Escape' || e.key === 'Tab') onClose();
        else return;
        e.preventDefault();
      }}
      onBlur={(e) => {
        if (!ref.current?.contains(e.relatedTarget as Node | null)) onClose();
      }}
    >
      <div className="sb-connect-menu__title">New node linked to {fromName}</div>
      {PALETTE_KINDS.map((kind) => (
        <button key={kind} type="button" role="menuitem" className="sb-connect-menu__item" onClick={() => onPick(kind)}>
          <span className={`sb-connect-menu__icon palette__item--${kind}`}>
            <NodeIcon kind={kind} size={16} />
          </span>
          {NODE_KIND_LABELS[kind]}
        </button>
      ))}
    </div>
  );
}
