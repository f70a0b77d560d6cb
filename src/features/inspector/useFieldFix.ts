import { useSignalbox, useUiStore } from '../../editor/react';
import { useMemo } from 'react';
import type { FixField } from '../../core/rules/fixTarget';
import { getFixTarget } from '../../core/rules/fixTarget';
import type { FieldFix } from './InspectorField';

/**
 * The field the last shown finding asks to change on this element, as a lookup by field name
 * (the format's keys, nested ones dotted: `breaker.failureRatePct`).
 */
export function useFieldFix(kind: 'node' | 'link', id: string): (field: FixField) => FieldFix | undefined {
  const focused = useUiStore((s) => s.focusedFinding ?? null);
  const editor = useSignalbox();
  const fix = useMemo(() => {
    if (!focused) return null;
    const target = getFixTarget(focused.finding, editor.design.getState().design);
    if (!target || target.element.kind !== kind || target.element.id !== id) return null;
    return { field: target.field, fix: { value: target.value, at: focused.at } };
  }, [focused, kind, id, editor]);
  return (field) => (fix && fix.field === field ? fix.fix : undefined);
}
