import type { Seed } from '../../seed/seed';
import { RiskLevel } from './risk-level';
import { RiskLevelCutoff, RiskSignalRule } from './risk-rule.entity';

/**
 * The default rule set: weights and thresholds the department starts from and
 * edits (`updateRiskRule`, `setRiskLevelCutoff`). Shares are 0…1. The ШНОР
 * candidate's 30 % is the sourced rule of the regional programme; the rest are
 * starting points to be tuned on real data.
 */
const RULES: [string, string, string, string, number, Record<string, number>][] = [
  [
    'vsoko_zone_high',
    'vsoko',
    'ВСОКО: зона высокого риска',
    'Школа отнесена к зоне высокого риска в последней кампании мониторинга ВСОКО (3–4 блока ниже порога)',
    3,
    {},
  ],
  [
    'vsoko_zone_moderate',
    'vsoko',
    'ВСОКО: зона умеренного риска',
    'Школа отнесена к зоне умеренного риска в последней кампании мониторинга ВСОКО (1–2 блока ниже порога)',
    1,
    {},
  ],
  ['shnor_listed', 'shnor', 'В списке ШНОР/ШНСУ', 'Школа в последнем списке ШНОР/ШНСУ', 2, {}],
  [
    'shnor_candidate',
    'shnor',
    'Кандидат в ШНОР',
    'Не менее доли failureShare участников ниже минимума («2») в двух процедурах за последний год или в одной процедуре два года подряд',
    2,
    { failureShare: 0.3 },
  ],
  [
    'selfdiag_below_base',
    'selfdiag',
    'Самодиагностика: ниже базового',
    'Уровень «ниже базового» в последнем этапе самодиагностики «Школы Минпросвещения России»',
    2,
    {},
  ],
  [
    'assessment_share_2',
    'assessment',
    'Доля «2» выше региональной',
    'Доля «2» (ЕГЭ — ниже минимального балла) в процедуре последнего года не ниже minShare и не менее чем в ratio раз выше региональной; только при числе участников не меньше minParticipants',
    2,
    { ratio: 1.5, minShare: 0.15, minParticipants: 10 },
  ],
  [
    'journal_lowered',
    'assessment',
    'Понизили отметку по журналу',
    'Доля участников, получивших за работу отметку ниже журнальной, не ниже share; только при числе участников не меньше minParticipants',
    1,
    { share: 0.3, minParticipants: 10 },
  ],
  [
    'journal_raised',
    'assessment',
    'Повысили отметку по журналу',
    'Доля участников, получивших за работу отметку выше журнальной, не ниже share; только при числе участников не меньше minParticipants',
    1,
    { share: 0.1, minParticipants: 10 },
  ],
  [
    'plan_overdue',
    'plan',
    'Просрочены мероприятия планов',
    'Не менее minCount мероприятий планов, где школа — исполнитель, не выполнены, а срок прошёл (по томскому времени)',
    1,
    { minCount: 1 },
  ],
];

const LEVELS: [RiskLevel, string, number][] = [
  [RiskLevel.NONE, 'Нет сигналов', 0],
  [RiskLevel.ATTENTION, 'Внимание', 1],
  [RiskLevel.RISK, 'Риск', 4],
  [RiskLevel.HIGH, 'Высокий риск', 7],
];

const riskRules: Seed = {
  name: 'reference:risk-rules@1',
  demo: false,
  async run(em) {
    const rules = RULES.map(([code, domain, title, description, weight, params], i) =>
      Object.assign(new RiskSignalRule(), { code, position: i + 1, domain, title, description, weight, params }),
    );
    const levels = LEVELS.map(([level, title, minScore]) =>
      Object.assign(new RiskLevelCutoff(), { level, title, minScore }),
    );
    await em.createQueryBuilder().insert().into(RiskSignalRule).values(rules).orIgnore().execute();
    await em.createQueryBuilder().insert().into(RiskLevelCutoff).values(levels).orIgnore().execute();
    return rules.length + levels.length;
  },
};

export const riskSeedList: Seed[] = [riskRules];
