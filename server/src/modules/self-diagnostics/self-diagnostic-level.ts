import { registerEnumType } from 'type-graphql';

/** The level of conformity to «Школа Минпросвещения России», as the federal platform gives it. */
export enum SelfDiagnosticLevel {
  BELOW_BASE = 'below_base',
  BASE = 'base',
  MEDIUM = 'medium',
  HIGH = 'high',
}

/** The Russian names, as the platform and the department's files write them. */
export const LEVEL_TITLES: Record<SelfDiagnosticLevel, string> = {
  [SelfDiagnosticLevel.BELOW_BASE]: 'ниже базового',
  [SelfDiagnosticLevel.BASE]: 'базовый',
  [SelfDiagnosticLevel.MEDIUM]: 'средний',
  [SelfDiagnosticLevel.HIGH]: 'высокий',
};

registerEnumType(SelfDiagnosticLevel, {
  name: 'SelfDiagnosticLevel',
  description: 'Уровень соответствия модели «Школа Минпросвещения России» (как его дала федеральная платформа)',
  valuesConfig: {
    BELOW_BASE: { description: 'Ниже базового' },
    BASE: { description: 'Базовый' },
    MEDIUM: { description: 'Средний' },
    HIGH: { description: 'Высокий' },
  },
});

export enum SelfDiagnosticDirectionKind {
  MAGISTRAL_DIRECTION = 'magistral_direction',
  KEY_CONDITION = 'key_condition',
}

registerEnumType(SelfDiagnosticDirectionKind, {
  name: 'SelfDiagnosticDirectionKind',
  valuesConfig: {
    MAGISTRAL_DIRECTION: { description: 'Магистральное направление' },
    KEY_CONDITION: { description: 'Ключевое условие' },
  },
});
