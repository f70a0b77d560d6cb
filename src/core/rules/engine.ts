import type { Design, Finding, Issue, RuleSetting, Severity } from '../model/types';
import { SEVERITIES } from '../model/types';
import { KNOWN_KEYS } from '../model/keys';
import { withLinkDefaults } from '../model/defaults';
import { ALL_RULES, getRule } from './catalog';
import { createRuleContext } from './context';
import type { Rule, RuleThresholds } from './types';

interface EffectiveSetting {
  off: boolean;
  severity?: Severity;
  thresholds: RuleThresholds;
}

function isSeverity(value: unknown): value is Severity {
  return typeof value === 'string' && (SEVERITIES as readonly string[]).includes(value);
}

/** A threshold is used only when it is a positive integer; checkRuleSettings reports the rest. */
function isThreshold(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1;
}

function getEffectiveSetting(rule: Rule, setting: RuleSetting | undefined): EffectiveSetting {
  const thresholds: RuleThresholds = { ...rule.thresholds };
  if (setting === undefined) return { off: false, thresholds };
  if (setting === 'off' || setting === false) return { off: true, thresholds };
  if (isSeverity(setting)) return { off: false, severity: setting, thresholds };
  if (typeof setting === 'object' && setting !== null) {
    for (const key of ['max', 'min'] as const) {
      if (rule.thresholds?.[key] !== undefined && isThreshold(setting[key])) thresholds[key] = setting[key];
    }
    return { off: false, severity: isSeverity(setting.severity) ? setting.severity : undefined, thresholds };
  }
  return { off: false, thresholds };
}

/**
 * Every rule of the catalog on one design. Deterministic: by severity, then catalog order, then
 * design order (each rule reports in design order). Findings go straight into one list per
 * severity, rules taken in catalog order, which is that order without a sort. Indexed loops:
 * this runs once per lint, on cold code, where `for...of` and a sort of wrappers cost most.
 */
export function lintDesign(design: Design): Finding[] {
  // Rules see links with the design's defaults filled in: a default timeout is a timeout.
  const shared = createRuleContext(withLinkDefaults(design));
  const bySeverity: Record<Severity, Finding[]> = { error: [], warning: [], info: [] };
  for (let r = 0; r < ALL_RULES.length; r++) {
    const rule = ALL_RULES[r]!;
    const setting = getEffectiveSetting(rule, design.rules?.[rule.id]);
    if (setting.off) continue;
    const drafts = rule.check({ ...shared, thresholds: setting.thresholds });
    for (let d = 0; d < drafts.length; d++) {
      const draft = drafts[d]!;
      const severity = setting.severity ?? draft.severity ?? rule.defaultSeverity;
      bySeverity[severity].push({
        rule: rule.id,
        severity,
        message: draft.message,
        nodes: draft.nodes,
        links: draft.links,
        fix: draft.fix ?? rule.fix,
      });
    }
  }
  return SEVERITIES.flatMap((severity) => bySeverity[severity]);
}

export interface FindingSummary {
  error: number;
  warning: number;
  info: number;
}

export function summarizeFindings(findings: readonly Finding[]): FindingSummary {
  const summary: FindingSummary = { error: 0, warning: 0, info: 0 };
  for (const f of findings) summary[f.severity]++;
  return summary;
}

/**
 * Warnings about the design's `rules:` map: an id that is not in the catalog (a typo would
 * otherwise silently keep the rule on), or a threshold the rule does not take or cannot use.
 */
export function checkRuleSettings(design: Design): Issue[] {
  const issues: Issue[] = [];
  for (const [id, setting] of Object.entries(design.rules ?? {})) {
    const path = `rules.${id}`;
    const rule = getRule(id);
    if (!rule) {
      issues.push({ severity: 'warning', path, segments: ['rules', id], message: `unknown rule "${id}" (ignored)` });
      continue;
    }
    if (typeof setting !== 'object' || setting === null) continue;
    for (const key of ['max', 'min'] as const) {
      const value = setting[key];
      if (value === undefined) continue;
      if (rule.thresholds?.[key] === undefined) {
        const takes = Object.keys(rule.thresholds ?? {});
        issues.push({
          severity: 'warning',
          path: `${path}.${key}`,
          segments: ['rules', id, key],
          message: `${id} takes ${takes.length > 0 ? `only ${takes.join(', ')}` : 'no threshold'} (ignored)`,
        });
      } else if (!isThreshold(value)) {
        issues.push({
          severity: 'warning',
          path: `${path}.${key}`,
          segments: ['rules', id, key],
          message: 'expected a positive integer (ignored; the default applies)',
        });
      }
    }
    for (const key of Object.keys(setting)) {
      if (!(KNOWN_KEYS.ruleThresholds as readonly string[]).includes(key)) {
        issues.push({
          severity: 'warning',
          path: `${path}.${key}`,
          segments: ['rules', id, key],
          message: `unknown setting "${key}" (ignored)`,
        });
      }
    }
  }
  return issues;
}
