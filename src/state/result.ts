/**
 * What every action that changes a design answers: done (with what it made), or refused and why.
 * Callers read `error` to tell the user; nobody reads a toast to learn what failed.
 */
export type ActionResult<T extends object = object> = ({ ok: true } & T) | { ok: false; error: string };

export const done = { ok: true } as const;

export function refusal(error: string): { ok: false; error: string } {
  return { ok: false, error };
}
