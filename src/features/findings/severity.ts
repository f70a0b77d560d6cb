import type { Severity } from '../../core/model/types';

export const SEVERITY_LABEL = {
  error: { one: 'error', many: 'errors', heading: 'Errors' },
  warning: { one: 'warning', many: 'warnings', heading: 'Warnings' },
  info: { one: 'info', many: 'info', heading: 'Info' },
} as const satisfies Record<Severity, { one: string; many: string; heading: string }>;

/** `1 error`, `3 warnings`, `2 info`. */
export function countLabel(severity: Severity, count: number): string {
  const label = SEVERITY_LABEL[severity];
  return `${count} ${count === 1 ? label.one : label.many}`;
}
