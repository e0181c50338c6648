import { describe, expect, it } from 'vitest';
import { RiskLevel } from './risk-level';
import { validateCutoffs, validateRuleChange } from './risk-rules';

const SHARE_2 = { ratio: 1.5, minShare: 0.15, minParticipants: 10 };

describe('validateRuleChange', () => {
  it('accepts the rule’s own parameters in range', () => {
    expect(validateRuleChange(SHARE_2, { weight: 0, params: { ratio: 2, minShare: 1, minParticipants: 0 } })).toEqual(
      [],
    );
  });

  it('names each problem: weight, unknown, non-numeric and out-of-range parameters', () => {
    const problems = validateRuleChange(SHARE_2, {
      weight: 101,
      params: { ratio: 0, minShare: 1.5, minParticipants: 2.5, colour: 1, share: 'x' as unknown as number },
    });
    expect(problems.map((p) => p.field)).toEqual([
      'weight',
      'params.ratio',
      'params.minShare',
      'params.minParticipants',
      'params.colour',
      'params.share',
    ]);
    expect(problems[4]!.message).toBe('У правила нет параметра «colour»; параметры: ratio, minShare, minParticipants');
  });

  it('says a rule without parameters has none', () => {
    expect(validateRuleChange({}, { params: { x: 1 } })[0]!.message).toBe(
      'У правила нет параметра «x»; параметров нет',
    );
  });
});

describe('validateCutoffs', () => {
  const cutoffs = (attention: number, risk: number, high: number, none = 0) => [
    { level: RiskLevel.NONE, minScore: none },
    { level: RiskLevel.ATTENTION, minScore: attention },
    { level: RiskLevel.RISK, minScore: risk },
    { level: RiskLevel.HIGH, minScore: high },
  ];

  it('needs 0 for none and strictly growing cut-offs', () => {
    expect(validateCutoffs(cutoffs(1, 4, 7))).toEqual([]);
    expect(validateCutoffs(cutoffs(1, 4, 4))).toHaveLength(1);
    expect(validateCutoffs(cutoffs(1, 4, 7, 1))[0]!.message).toBe('Уровень «нет сигналов» начинается с 0');
    expect(validateCutoffs(cutoffs(-1, 4, 7))).toHaveLength(1);
  });
});
