import { useSignalbox } from '../../editor/react';
import { useCallback } from 'react';
import { useReactFlow } from '@xyflow/react';
import type { NodeKind } from '../../core/model/types';
import { findFreeSpot, NODE_HEIGHT, NODE_WIDTH } from '../../core/layout/layout';
import { NodeIcon } from '../../components/NodeIcon';
import { NODE_KIND_LABELS, PALETTE_DRAG_TYPE, PALETTE_KINDS } from '../../components/nodeKindInfo';

/** One button per node kind: click adds at the centre of the view, drag drops where you let go. */
export function Palette() {
  const editor = useSignalbox();
  const { screenToFlowPosition } = useReactFlow();

  const addAtCentre = useCallback(
    (kind: NodeKind) => {
      const canvas = document.querySelector('.canvas-area')?.getBoundingClientRect();
      const centre = canvas
        ? screenToFlowPosition({ x: canvas.left + canvas.width / 2, y: canvas.top + canvas.height / 2 })
        : { x: 0, y: 0 };
      // Clicking twice must not stack two nodes, nor put one over part of another card.
      const at = findFreeSpot(editor.design.getState().design, [centre.x - NODE_WIDTH / 2, centre.y - NODE_HEIGHT / 2]);
      editor.design.getState().addNode(kind, at);
    },
    [screenToFlowPosition, editor.design],
  );

  return (
    <nav className="palette" aria-label="Palette">
      <div className="palette__title">Add</div>
      {PALETTE_KINDS.map((kind) => (
        <button
          key={kind}
          type="button"
          className={`palette__item palette__item--${kind}`}
          aria-label={`Add ${NODE_KIND_LABELS[kind].toLowerCase()}`}
          title={`Add ${NODE_KIND_LABELS[kind].toLowerCase()} (click, or drag onto the canvas)`}
          draggable
          onDragStart={(event) => {
            event.dataTransfer.setData(PALETTE_DRAG_TYPE, kind);
            event.dataTransfer.effectAllowed = 'copy';
          }}
          onClick={() => addAtCentre(kind)}
        >
          <span className="palette__icon">
            <NodeIcon kind={kind} size={20} />
          </span>
          <span className="palette__label">{NODE_KIND_LABELS[kind]}</span>
        </button>
      ))}
    </nav>
  );
}
