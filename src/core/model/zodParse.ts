import { designSchema } from './schema';

/**
 * zod's own parse of a design: what validation asks when the fast check (fastParse.ts) steps
 * aside, for zod's words on each issue. On its own so that the CLI's build can load it, and zod
 * with it, on the first design that needs it (src/cli/lazyZodParse.ts).
 */
export function parseWithZod(raw: unknown) {
  return designSchema.safeParse(raw);
}
