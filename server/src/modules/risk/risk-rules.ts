import type { FieldProblem } from '../../graphql/errors';
import { RISK_LEVEL_ORDER, type RiskLevel } from './risk-level';

/** Parameters that are shares (0…1), counts (whole, ≥ 0) or ratios (> 0), by name. */
const SHARES = new Set(['failureShare', 'minShare', 'share']);
const COUNTS = new Set(['minParticipants', 'minCount']);
const RATIOS = new Set(['ratio']);

export interface RuleChange {
  weight?: number | null;
  enabled?: boolean | null;
  params?: Record<string, unknown> | null;
}

/**
 * Problems of a change to a rule: the weight a whole number 0–100; only the
 * rule's own parameters, each a number in its range. Pure, so the rules are
 * stated once and tested without a database.
 */
export function validateRuleChange(current: Record<string, number>, change: RuleChange): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (change.weight !== undefined && change.weight !== null) {
    if (!Number.isInteger(change.weight) || change.weight < 0 || change.weight > 100) {
      problems.push({ field: 'weight', message: 'Вес — целое число от 0 до 100' });
    }
  }
  for (const [name, value] of Object.entries(change.params ?? {})) {
    const field = `params.${name}`;
    if (!(name in current)) {
      const known = Object.keys(current);
      problems.push({
        field,
        message: `У правила нет параметра «${name}»${known.length ? `; параметры: ${known.join(', ')}` : '; параметров нет'}`,
      });
    } else if (typeof value !== 'number' || !Number.isFinite(value)) {
      problems.push({ field, message: `Параметр «${name}» — число` });
    } else if (SHARES.has(name) && (value < 0 || value > 1)) {
      problems.push({ field, message: `Параметр «${name}» — доля от 0 до 1 (например, 0.3 — это 30 %)` });
    } else if (COUNTS.has(name) && (!Number.isInteger(value) || value < 0)) {
      problems.push({ field, message: `Параметр «${name}» — целое неотрицательное число` });
    } else if (RATIOS.has(name) && value <= 0) {
      problems.push({ field, message: `Параметр «${name}» — положительное число` });
    }
  }
  return problems;
}

/** Cut-offs must start at 0 (none) and grow strictly with the level. */
export function validateCutoffs(cutoffs: readonly { level: RiskLevel; minScore: number }[]): FieldProblem[] {
  const byLevel = new Map(cutoffs.map((c) => [c.level, c.minScore]));
  const scores = RISK_LEVEL_ORDER.map((l) => byLevel.get(l));
  if (scores.some((s) => s === undefined || !Number.isInteger(s) || s < 0)) {
    return [{ field: 'minScore', message: 'Порог уровня — целое неотрицательное число' }];
  }
  if (scores[0] !== 0) return [{ field: 'minScore', message: 'Уровень «нет сигналов» начинается с 0' }];
  for (let i = 1; i < scores.length; i++) {
    if (scores[i]! <= scores[i - 1]!) {
      return [{ field: 'minScore', message: 'Пороги уровней должны возрастать: внимание < риск < высокий риск' }];
    }
  }
  return [];
}
