import type { EntityManager } from 'typeorm';
import type { Actor } from '../../graphql/actor';
import { HubError, InputError } from '../../graphql/errors';
import { audit } from '../audit/audit';
import { assertAllowed } from '../users/permissions';
import type { RiskLevel } from './risk-level';
import { RiskLevelCutoff, RiskSignalRule } from './risk-rule.entity';
import { validateCutoffs, validateRuleChange, type RuleChange } from './risk-rules';
import { RiskErrorCode } from './risk.errors';

const auditRule = (r: RiskSignalRule) => ({ weight: r.weight, params: r.params, enabled: r.enabled });

/** The rule set as the department edits it: reads for everyone, writes for the region admin, audited. */
export class RiskRulesService {
  constructor(private readonly em: EntityManager) {}

  rules(): Promise<RiskSignalRule[]> {
    return this.em.find(RiskSignalRule, { order: { position: 'ASC' } });
  }

  levels(): Promise<RiskLevelCutoff[]> {
    return this.em.find(RiskLevelCutoff, { order: { minScore: 'ASC' } });
  }

  /** Changes a rule's weight, thresholds or switch; what is not given stays. Unchanged input writes nothing. */
  updateRule(code: string, change: RuleChange, actor: Actor): Promise<RiskSignalRule> {
    assertAllowed(actor, { kind: 'risk-rules' });
    return this.em.transaction(async (em) => {
      const before = await em.findOne(RiskSignalRule, { where: { code }, lock: { mode: 'pessimistic_write' } });
      if (!before) {
        throw new HubError(
          RiskErrorCode.UNKNOWN_RULE,
          `Правило «${code}» не найдено; список правил — запрос riskRules`,
        );
      }
      const problems = validateRuleChange(before.params, change);
      if (problems.length) throw new InputError(RiskErrorCode.BAD_RULE, problems);
      const after = {
        weight: change.weight ?? before.weight,
        enabled: change.enabled ?? before.enabled,
        params: { ...before.params, ...(change.params as Record<string, number> | null | undefined) },
      };
      if (JSON.stringify(after) === JSON.stringify(auditRule(before))) return before;
      await em.update(RiskSignalRule, { code }, { ...after, updatedBy: actor.displayName });
      const saved = (await em.findOneBy(RiskSignalRule, { code }))!;
      await audit(em, {
        actor,
        action: 'updateRiskRule',
        entity: 'risk_signal_rule',
        key: code,
        before: auditRule(before),
        after: auditRule(saved),
      });
      return saved;
    });
  }

  /** Moves the score a level begins at; the cut-offs must keep growing with the level. */
  setCutoff(level: RiskLevel, minScore: number, actor: Actor): Promise<RiskLevelCutoff[]> {
    assertAllowed(actor, { kind: 'risk-rules' });
    return this.em.transaction(async (em) => {
      const current = await em.find(RiskLevelCutoff, { lock: { mode: 'pessimistic_write' } });
      const before = current.find((c) => c.level === level);
      const next = current.map((c) => (c.level === level ? { level: c.level, minScore } : c));
      const problems = validateCutoffs(next);
      if (problems.length) throw new InputError(RiskErrorCode.BAD_CUTOFFS, problems);
      if (before && before.minScore !== minScore) {
        await em.update(RiskLevelCutoff, { level }, { minScore });
        await audit(em, {
          actor,
          action: 'setRiskLevelCutoff',
          entity: 'risk_level',
          key: level,
          before: { minScore: before.minScore },
          after: { minScore },
        });
      }
      return em.find(RiskLevelCutoff, { order: { minScore: 'ASC' } });
    });
  }
}
