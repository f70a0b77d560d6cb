import { RULES } from '../../core/rules/catalog';

const TITLES = new Map<string, string>(RULES.map((rule) => [rule.id, rule.title]));

/** The catalog's human title for a rule id (`missing-timeout` -> `Missing timeout`). */
export function getRuleTitle(ruleId: string): string | undefined {
  return TITLES.get(ruleId);
}
