import { memo } from 'react';
import type { NodeKind } from '../core/model/types';

const PATHS: Record<NodeKind, React.ReactNode> = {
  service: (
    <>
      <rect x="4" y="4" width="16" height="16" rx="4" />
      <path d="M9 9h6v6H9z" />
    </>
  ),
  gateway: (
    <>
      <path d="M12 3 20 7v5c0 4.5-3.4 8-8 9-4.6-1-8-4.5-8-9V7z" />
      <path d="M9 12h6M13 9.5 15.5 12 13 14.5" />
    </>
  ),
  broker: (
    <>
      <path d="M4 7h16M4 12h16M4 17h16" />
      <circle cx="8" cy="7" r="1.2" />
      <circle cx="14" cy="12" r="1.2" />
      <circle cx="10" cy="17" r="1.2" />
    </>
  ),
  database: (
    <>
      <ellipse cx="12" cy="6" rx="7" ry="2.8" />
      <path d="M5 6v12c0 1.5 3.1 2.8 7 2.8s7-1.3 7-2.8V6" />
      <path d="M5 12c0 1.5 3.1 2.8 7 2.8s7-1.3 7-2.8" />
    </>
  ),
  client: (
    <>
      <rect x="3" y="5" width="18" height="12" rx="2" />
      <path d="M8 21h8M12 17v4" />
    </>
  ),
  external: (
    <>
      <circle cx="12" cy="12" r="8.5" />
      <path d="M3.5 12h17M12 3.5c2.5 2.3 3.6 5.2 3.6 8.5s-1.1 6.2-3.6 8.5c-2.5-2.3-3.6-5.2-3.6-8.5s1.1-6.2 3.6-8.5z" />
    </>
  ),
};

/** The inline SVG icon of a node kind (no icon font, no request). */
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
      {PATHS[kind]}
    </svg>
  );
});
