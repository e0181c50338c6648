import fs from 'node:fs';
import { once } from 'node:events';

/** What a generated participant file holds, for checks against the database. */
export interface GeneratedParticipants {
  rows: number;
  years: number[];
}

interface Plan {
  procedure: string;
  grade: () => number;
  subjects: string[];
  scores: (z: number, subject: number) => [primary: string, test: string, mark: string];
}

const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, Math.round(v)));

/** ВПР: marks only; ОГЭ: primary scores, a mark for some (the rest derived from the year's scale); ЕГЭ: test scores. */
const PLANS: Plan[] = [
  {
    procedure: 'ВПР',
    grade: () => 0,
    subjects: ['Русский язык', 'Математика', 'История'],
    scores: (z) => ['', '', String(clamp(3.4 + z, 2, 5))],
  },
  {
    procedure: 'ОГЭ',
    grade: () => 9,
    subjects: ['Русский язык', 'Математика', 'Обществознание'],
    scores: (z, s) => {
      const primary = clamp(18 + 6 * z, 0, 31);
      return [String(primary), '', s === 2 ? String(clamp(3.5 + z, 2, 5)) : ''];
    },
  },
  {
    procedure: 'ЕГЭ',
    grade: () => 11,
    subjects: ['Русский язык', 'Математика (профильная)', 'Физика'],
    scores: (z) => {
      const test = clamp(62 + 18 * z, 0, 100);
      return [String(Math.round(test / 2)), String(test), ''];
    },
  },
];

/**
 * Writes a deterministic `participant-results` file of `rows` rows (three subjects per
 * participant, ВПР, ОГЭ and ЕГЭ of two years, 2024 and 2025 by default, across `schools`), streamed: a million rows
 * take a second and little memory. The same arguments always give the same bytes.
 */
export async function writeParticipantFile(
  file: string,
  rows: number,
  schools: readonly string[],
  /** Another seed gives the same participants other scores. */
  seed = 20251123,
  /** The two years the participants alternate between. */
  years: readonly [number, number] = [2024, 2025],
): Promise<GeneratedParticipants> {
  const out = fs.createWriteStream(file);
  let state = seed;
  const random = () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 0x100000000;
  };
  let text = '\uFEFFКод участника;Код ОО;Процедура;Год;Предмет;Класс;Первичный балл;Тестовый балл;Отметка\r\n';
  for (let row = 0; row < rows; row++) {
    const participant = Math.floor(row / 3);
    const subject = row % 3;
    const plan = PLANS[participant % PLANS.length]!;
    const year = participant % 2 === 0 ? years[0] : years[1];
    const school = schools[participant % schools.length]!;
    const grade = plan.grade() || 4 + (participant % 5);
    // Two uniforms make a rough bell: scores cluster in the middle, as real ones do.
    const z = (random() + random() - 1) * 1.6;
    const [primary, test, mark] = plan.scores(z, subject);
    const code = `${year}-${participant % PLANS.length}-${String(participant).padStart(7, '0')}`;
    text += `${code};${school};${plan.procedure};${year};${plan.subjects[subject]};${grade};${primary};${test};${mark}\r\n`;
    if (text.length > 1 << 16) {
      if (!out.write(text)) await once(out, 'drain');
      text = '';
    }
  }
  out.end(text);
  await once(out, 'finish');
  return { rows, years: [...years] };
}
