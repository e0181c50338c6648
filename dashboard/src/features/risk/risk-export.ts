import { exportXlsx, type ExportColumn } from '../../shared/export';
import { formatDate } from '../../shared/format';
import { LEVEL_STYLE, SECTION_TITLES } from './levels';
import type { RiskSignalCell, SchoolRiskRow } from './types';

/** One line per school and signal (a school without signals: one line), with the explanations. */
interface Line {
  school: SchoolRiskRow;
  signal: RiskSignalCell | null;
}

const COLUMNS: ExportColumn<Line>[] = [
  { header: 'Код ОО', value: (l) => l.school.schoolCode },
  { header: 'Школа', value: (l) => l.school.schoolName },
  { header: 'Муниципалитет', value: (l) => l.school.municipalityName },
  { header: 'Кластер', value: (l) => l.school.clusterName },
  { header: 'Уровень', value: (l) => l.school.levelTitle },
  { header: 'Сумма весов', value: (l) => l.school.score },
  { header: 'Уровень годом ранее', value: (l) => LEVEL_STYLE[l.school.previousLevel].title },
  { header: 'Сумма весов годом ранее', value: (l) => l.school.previousScore },
  { header: 'Сигнал', value: (l) => l.signal?.title },
  { header: 'Вес', value: (l) => l.signal?.weight },
  { header: 'Пояснение', value: (l) => l.signal?.evidence.map((e) => e.explanation).join('\n') },
  {
    header: 'Раздел карточки школы',
    value: (l) => (l.signal ? (SECTION_TITLES[l.signal.source.section] ?? l.signal.source.section) : null),
  },
  { header: 'Запись', value: (l) => l.signal?.evidence.map((e) => e.source.key).join(', ') },
  { header: 'Дата', value: (l) => (l.signal ? formatDate(l.signal.date) : null) },
  { header: 'Демо', value: (l) => (l.school.isDemo ? 'да' : 'нет') },
];

export function exportRisk(schools: readonly SchoolRiskRow[]): Promise<void> {
  const lines = schools.flatMap((school): Line[] =>
    school.signals.length ? school.signals.map((signal) => ({ school, signal })) : [{ school, signal: null }],
  );
  return exportXlsx(lines, COLUMNS, `zony-riska-${new Date().toISOString().slice(0, 10)}`);
}
