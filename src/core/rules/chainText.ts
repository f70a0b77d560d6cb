/** Names shown at each end of an elided chain: enough to recognise where it starts and ends. */
const KEPT_AT_EACH_END = 2;
/** Chains up to this many names are written out in full. */
export const CHAIN_NAMES_SHOWN = 8;

/**
 * A path of names for a finding's message, `a → b → c`. A long one keeps its two first and two
 * last names around a count ("a → b → … 496 more … → y → z"): a 500-hop chain must not put 500
 * names in a message (the finding's `nodes` still lists every one).
 */
export function formatChain(names: readonly string[]): string {
  if (names.length <= CHAIN_NAMES_SHOWN) return names.join(' → ');
  const head = names.slice(0, KEPT_AT_EACH_END);
  const tail = names.slice(-KEPT_AT_EACH_END);
  return [...head, `… ${names.length - 2 * KEPT_AT_EACH_END} more …`, ...tail].join(' → ');
}
