import { CATEGORY_LABELS, PROGRAMME_STATUS_LABELS } from '../shnor/shnor-labels';
import type { ShnorCategory, ShnorProgrammeStatus } from '../shnor/shnor-listing.entity';
import { plural } from '../shared/russian';

/** One evidence row of a rule, as `riskEvidenceSql` returns it. */
export interface EvidenceRow {
  rule: string;
  key: string;
  at: string;
  facts: Record<string, any>;
}

/** Where the evidence lives: the domain, the school card's section, the record's key. */
export interface EvidenceSource {
  domain: string;
  section: string;
  key: string;
}

export interface ExplainedEvidence {
  explanation: string;
  source: EvidenceSource;
  date: Date;
}

/** Names the explanations use: procedures (short) and subjects, by code. */
export interface ReferenceNames {
  procedures: ReadonlyMap<string, string>;
  subjects: ReadonlyMap<string, string>;
}

/** School card sections (anchors on the dashboard's school card). */
const SECTION: Record<string, string> = {
  vsoko: 'vsoko',
  shnor: 'shnor',
  selfdiag: 'self-diagnostics',
  assessment: 'assessments',
  plan: 'plans',
};

const DOMAIN_OF_RULE: Record<string, string> = {
  vsoko_zone_high: 'vsoko',
  vsoko_zone_moderate: 'vsoko',
  shnor_listed: 'shnor',
  shnor_candidate: 'assessment',
  selfdiag_below_base: 'selfdiag',
  assessment_share_2: 'assessment',
  journal_lowered: 'assessment',
  journal_raised: 'assessment',
  plan_overdue: 'plan',
};

/** 24,1 % — a share (0…1) in percent, one decimal, as Russian texts write it. */
export function percent(share: number): string {
  return `${(Math.round(share * 1000) / 10).toLocaleString('ru-RU', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} %`;
}

/** 1,5 — a plain number with a decimal comma. */
const num = (value: number) => value.toLocaleString('ru-RU', { maximumFractionDigits: 2 });

const ZONE_TITLES: Record<string, string> = { high: 'высокого', moderate: 'умеренного', low: 'низкого' };

const STATUS_TITLES: Record<string, string> = { planned: 'запланировано', in_progress: 'выполняется' };

/** «ВПР, математика, 5 кл. (2025)» */
function procedureLabel(f: Record<string, any>, names: ReferenceNames): string {
  const procedure = names.procedures.get(f.procedure) ?? f.procedure;
  const subject = (names.subjects.get(f.subject) ?? f.subject).toLowerCase();
  const grade = f.grade === null || f.grade === undefined ? '' : `, ${f.grade} кл.`;
  return `${procedure}, ${subject}${grade} (${f.year})`;
}

function ddmmyyyy(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}.${m}.${y}`;
}

function explainOne(row: EvidenceRow, names: ReferenceNames): string {
  const f = row.facts;
  switch (row.rule) {
    case 'vsoko_zone_high':
    case 'vsoko_zone_moderate': {
      const blocks = (f.blocks as any[]).map(
        (b) => `блок ${b.number} «${b.name}» — ${b.score} из ${b.max} при пороге ${b.threshold} (${b.risk})`,
      );
      return (
        `Зона ${ZONE_TITLES[f.zone] ?? f.zone} риска ВСОКО (кампания ${f.year}): ` +
        `${blocks.length} ${plural(blocks.length, 'блок', 'блока', 'блоков')} ниже порога: ${blocks.join('; ')}`
      );
    }
    case 'shnor_listed': {
      const curator = f.curator ? `, куратор — ${f.curator}` : '';
      const status = PROGRAMME_STATUS_LABELS[f.status as ShnorProgrammeStatus] ?? f.status;
      return `В списке ${CATEGORY_LABELS[f.category as ShnorCategory] ?? f.category} ${f.year} года; программа: ${status.toLowerCase()}${curator}`;
    }
    case 'shnor_candidate': {
      const what = f.measure === 'below_minimum' ? 'ниже минимального балла' : '«2»';
      const branch =
        f.branch === 'two_procedures_one_year'
          ? `две и более процедуры в ${f.ruleYear} году`
          : `одна процедура два года подряд (${f.ruleYear - 1}–${f.ruleYear})`;
      return (
        `Правило кандидата в ШНОР (${branch}): ${procedureLabel(f, names)} — ${what} у ${percent(f.failed / f.outOf)} ` +
        `(${f.failed} из ${f.outOf}); порог — ${percent(Number(f.threshold))}`
      );
    }
    case 'selfdiag_below_base': {
      const total =
        f.total === null || f.total === undefined
          ? ''
          : `, итог ${f.total} ${plural(f.total, 'балл', 'балла', 'баллов')}`;
      return `Самодиагностика «Школы Минпросвещения России» ${f.year}, этап ${f.round}: уровень «ниже базового»${total}`;
    }
    case 'assessment_share_2': {
      const what = f.byMinimum ? 'Доля ниже минимального балла' : 'Доля «2»';
      const region = f.regionOutOf > 0 ? f.regionFailed / f.regionOutOf : 0;
      return (
        `${what} по ${procedureLabel(f, names)}: ${percent(f.failed / f.outOf)} (${f.failed} из ${f.outOf}) ` +
        `при региональных ${percent(region)}; порог — выше региональной в ${num(Number(f.ratio))} раза ` +
        `и не менее ${percent(Number(f.minShare))}`
      );
    }
    case 'journal_lowered':
    case 'journal_raised': {
      const verb = row.rule === 'journal_lowered' ? 'Понизили' : 'Повысили';
      const region = f.regionBase > 0 ? f.regionCount / f.regionBase : 0;
      return (
        `${verb} отметку по журналу, ${procedureLabel(f, names)}: ${percent(f.count / f.participants)} ` +
        `(${f.count} из ${f.participants}) при региональных ${percent(region)}; порог — ${percent(Number(f.share))}`
      );
    }
    case 'plan_overdue':
      return (
        `Просрочено мероприятие ${f.number} «${f.title}» (${f.planTitle}): срок «${f.deadline}» ` +
        `истёк ${ddmmyyyy(f.deadlineEnd)}, статус — ${STATUS_TITLES[f.status] ?? f.status}`
      );
    default:
      return row.rule;
  }
}

/** Each evidence row in Russian with the figures, its source and its date. */
export function explainEvidence(row: EvidenceRow, names: ReferenceNames): ExplainedEvidence {
  const domain = DOMAIN_OF_RULE[row.rule] ?? 'school';
  return {
    explanation: explainOne(row, names),
    source: { domain, section: SECTION[domain] ?? 'summary', key: row.key },
    date: new Date(row.at),
  };
}

/** A signal's explanation: its evidence, the first three in full and how many more. */
export function summarize(evidence: readonly ExplainedEvidence[]): string {
  const shown = evidence.slice(0, 3).map((e) => e.explanation);
  const more = evidence.length - shown.length;
  return more > 0
    ? `${shown.join('. ')}. И ещё ${more} ${plural(more, 'случай', 'случая', 'случаев')}`
    : shown.join('. ');
}
