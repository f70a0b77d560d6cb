export interface SelectOption {
  value: string;
  label: string;
}

export const toOptions = (values: readonly string[]): SelectOption[] => values.map((v) => ({ value: v, label: v }));

/** Booleans are three-way: unset means "not stated", which rules treat differently from "no". */
export const BOOLEAN_OPTIONS: readonly SelectOption[] = [
  { value: 'true', label: 'Yes' },
  { value: 'false', label: 'No' },
];

export const fromBoolean = (value: unknown): string | undefined => (typeof value === 'boolean' ? String(value) : undefined);
export const toBoolean = (value: string | undefined): boolean | undefined => (value === undefined ? undefined : value === 'true');
