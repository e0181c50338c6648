import type { RiskChange, RiskLevel } from '../../generated/graphql';
import { RISK } from '../../shared/palette';

/** Each level with a colour (Okabe–Ito, told apart with colour-blindness), a symbol and words: never colour alone. */
export const LEVEL_STYLE: Record<RiskLevel, { colour: string; ink: string; symbol: string; title: string }> = {
  NONE: { colour: RISK.none, ink: '#ffffff', symbol: '○', title: 'Нет сигналов' },
  ATTENTION: { colour: RISK.attention, ink: '#1d2433', symbol: '◐', title: 'Внимание' },
  RISK: { colour: RISK.risk, ink: '#1d2433', symbol: '▲', title: 'Риск' },
  HIGH: { colour: RISK.high, ink: '#ffffff', symbol: '■', title: 'Высокий риск' },
};

export const LEVELS: RiskLevel[] = ['HIGH', 'RISK', 'ATTENTION', 'NONE'];

export const CHANGE_TEXT: Record<RiskChange, { symbol: string; text: string }> = {
  WORSENED: { symbol: '↑', text: 'выше, чем годом ранее' },
  UNCHANGED: { symbol: '=', text: 'как годом ранее' },
  IMPROVED: { symbol: '↓', text: 'ниже, чем годом ранее' },
};

/** Short column heads of the matrix, by rule code; the rule's full title is in the head's tooltip. */
export const SIGNAL_SHORT: Record<string, string> = {
  vsoko_zone_high: 'ВСОКО: высокий',
  vsoko_zone_moderate: 'ВСОКО: умеренный',
  shnor_listed: 'Список ШНОР',
  shnor_candidate: 'Кандидат ШНОР',
  selfdiag_below_base: 'Ниже базового',
  assessment_share_2: 'Доля «2»',
  journal_lowered: 'Понизили',
  journal_raised: 'Повысили',
  plan_overdue: 'Просрочки',
};

/** The school card at the section a signal comes from. */
export function sourceLink(schoolCode: string, section: string): string {
  return `/schools/${encodeURIComponent(schoolCode)}#${section}`;
}

/** The school card's sections, as the export names them. */
export const SECTION_TITLES: Record<string, string> = {
  vsoko: 'Мониторинг ВСОКО',
  shnor: 'ШНОР / ШНСУ',
  'self-diagnostics': 'Самодиагностика',
  assessments: 'Оценочные процедуры',
  plans: 'Мероприятия планов',
};
