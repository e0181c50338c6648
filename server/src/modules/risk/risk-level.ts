import { registerEnumType } from 'type-graphql';

/** The composite early-warning level of a school, lowest first. */
export enum RiskLevel {
  NONE = 'none',
  ATTENTION = 'attention',
  RISK = 'risk',
  HIGH = 'high',
}

/** Lowest to highest: the order levels compare and sort in. */
export const RISK_LEVEL_ORDER: readonly RiskLevel[] = [
  RiskLevel.NONE,
  RiskLevel.ATTENTION,
  RiskLevel.RISK,
  RiskLevel.HIGH,
];

export const riskRank = (level: RiskLevel): number => RISK_LEVEL_ORDER.indexOf(level);

registerEnumType(RiskLevel, {
  name: 'RiskLevel',
  description: 'Уровень раннего предупреждения по сумме весов сигналов (пороги — данные, `riskLevels`)',
  valuesConfig: {
    NONE: { description: 'Нет сигналов (сумма ниже порога «внимание»)' },
    ATTENTION: { description: 'Внимание' },
    RISK: { description: 'Риск' },
    HIGH: { description: 'Высокий риск' },
  },
});

/** How the level moved since the previous period. */
export enum RiskChange {
  WORSENED = 'worsened',
  UNCHANGED = 'unchanged',
  IMPROVED = 'improved',
}

registerEnumType(RiskChange, {
  name: 'RiskChange',
  description: 'Изменение уровня по сравнению с предыдущим периодом (данные годом ранее)',
  valuesConfig: {
    WORSENED: { description: 'Уровень повысился' },
    UNCHANGED: { description: 'Уровень не изменился' },
    IMPROVED: { description: 'Уровень снизился' },
  },
});

export function riskChange(previous: RiskLevel, current: RiskLevel): RiskChange {
  const delta = riskRank(current) - riskRank(previous);
  return delta > 0 ? RiskChange.WORSENED : delta < 0 ? RiskChange.IMPROVED : RiskChange.UNCHANGED;
}
