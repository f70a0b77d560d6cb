import { createElement, memo } from 'react';
import type { NodeKind } from '../core/model/types';
import { KIND_ICONS } from '../core/model/kindStyle';

/** The inline SVG icon of a node kind (no icon font, no request); the shapes are the core's. */
export const NodeIcon = memo(function NodeIcon({ kind, size = 18 }: { kind: NodeKind; size?: number }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {(KIND_ICONS[kind] ?? []).map((shape, i) => createElement(shape.tag, { key: i, ...shape.attrs }))}
    </svg>
  );
});
