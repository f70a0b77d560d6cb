import type { KeyboardEvent, PointerEvent } from 'react';

interface SplitterProps {
  /** What it resizes, for screen readers ("Resize side panel"). */
  label: string;
  /** 'vertical': a bar between left and right that changes a width; 'horizontal': a height. */
  orientation: 'vertical' | 'horizontal';
  value: number;
  min: number;
  max: number;
  onChange: (value: number) => void;
  /**
   * +1 when moving the pointer right (or down) grows the size, -1 when it shrinks it (a panel on
   * the right grows as its left edge moves left).
   */
  grow: 1 | -1;
  className?: string;
}

/**
 * A splitter a person can drag or drive from the keyboard (WAI-ARIA window splitter): focusable,
 * role="separator" with its value, arrows move it by 20 px (Shift: 80), Home/End go to the ends.
 * The pointer is captured, so a fast drag over an editor or an iframe still counts.
 */
export function Splitter({ label, orientation, value, min, max, onChange, grow, className }: SplitterProps) {
  const clamp = (v: number) => Math.round(Math.min(max, Math.max(min, v)));

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    e.preventDefault();
    const start = orientation === 'vertical' ? e.clientX : e.clientY;
    const startValue = value;
    const target = e.currentTarget;
    target.setPointerCapture(e.pointerId);
    target.focus({ preventScroll: true });
    const move = (ev: globalThis.PointerEvent) => {
      const now = orientation === 'vertical' ? ev.clientX : ev.clientY;
      onChange(clamp(startValue + grow * (now - start)));
    };
    const up = () => {
      target.removeEventListener('pointermove', move);
      target.removeEventListener('pointerup', up);
      target.removeEventListener('pointercancel', up);
    };
    target.addEventListener('pointermove', move);
    target.addEventListener('pointerup', up);
    target.addEventListener('pointercancel', up);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const step = e.shiftKey ? 80 : 20;
    const [less, more] = orientation === 'vertical' ? ['ArrowLeft', 'ArrowRight'] : ['ArrowUp', 'ArrowDown'];
    let next: number | null = null;
    if (e.key === less) next = value - grow * step;
    else if (e.key === more) next = value + grow * step;
    else if (e.key === 'Home') next = min;
    else if (e.key === 'End') next = max;
    if (next === null) return;
    e.preventDefault();
    e.stopPropagation();
    onChange(clamp(next));
  };

  return (
    <div
      className={`splitter splitter--${orientation}${className ? ` ${className}` : ''}`}
      role="separator"
      aria-orientation={orientation}
      aria-label={label}
      aria-valuenow={value}
      aria-valuemin={min}
      aria-valuemax={max}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onKeyDown={onKeyDown}
    />
  );
}
