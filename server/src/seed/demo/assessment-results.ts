import type { ParticipantResultRow, SchoolResultRow } from '../../modules/assessments/assessment-rows';
import { OGE_SCALES, type OgeScaleReference } from '../reference/assessments/oge-scales';
import { SeededRandom } from '../random';
import {
  BASE_MATH,
  EGE_ELECTIVES,
  EGE_MEAN_SCORE,
  EGE_SCORE_SPREAD,
  OGE_ELECTIVES,
  OGE_MEAN_SHARE,
  SUBJECT_EFFECT,
  VPR_GRADES,
  VPR_SUBJECTS,
} from './assessment-plan';
import type { DemoSchool } from './school-profile';

/**
 * Demo assessment results for 2023–2025, all from each school's latent `strength`: ВПР at school
 * level with the journal comparison, ОГЭ and ЕГЭ (ГВЭ-9 in schools for children with disabilities)
 * as participant rows, from which the seed derives the school level. A weak remote school has many
 * «2» and low ЕГЭ scores, a gymnasium few; the weakest meet the ШНОР-candidate rule.
 */
export const DEMO_ASSESSMENT_YEARS = [2023, 2024, 2025];

/** ОГЭ scales by year, then subject. */
const ogeScales = new Map<number, Map<string, OgeScaleReference>>();
for (const scale of OGE_SCALES) {
  const year = ogeScales.get(scale.year) ?? new Map<string, OgeScaleReference>();
  ogeScales.set(scale.year, year.set(scale.subjectCode, scale));
}
const GVE_SUBJECTS = ['RUSSIAN', 'MATHEMATICS'];

type Stage = 'primary' | 'basic' | 'secondary';

/** What a school's type allows: НОШ grade 4 only; ООШ (and schools for disabilities) up to grade 9. */
function stageOf(type: string | null): Stage {
  if (type === 'НОШ') return 'primary';
  if (type === 'ООШ' || type === 'коррекционная') return 'basic';
  return 'secondary';
}

function pickDistinct(random: SeededRandom, choices: readonly [string, number][], count: number): string[] {
  const left = [...choices];
  const picked: string[] = [];
  while (picked.length < count && left.length) {
    const value = random.weighted(left);
    picked.push(value);
    left.splice(
      left.findIndex(([v]) => v === value),
      1,
    );
  }
  return picked;
}

/** An average school gets about 3 % «2» and 12 % «5»; a struggling one a third «2». */
function vprMark(z: number): 2 | 3 | 4 | 5 {
  if (z < -1.9) return 2;
  if (z < 0.1) return 3;
  if (z < 1.2) return 4;
  return 5;
}

const clamp = (v: number, min: number, max: number) => Math.min(max, Math.max(min, v));

interface SchoolYear {
  school: DemoSchool;
  year: number;
  random: SeededRandom;
  /** The school's ability this year: strength plus a small year-to-year drift. */
  ability: number;
  /** Students per grade. */
  cohort: number;
}

function vprResults(s: SchoolYear, out: SchoolResultRow[]): void {
  const stage = stageOf(s.school.type);
  const grades = VPR_GRADES[s.year]!.filter((g) => g === 4 || (stage !== 'primary' && g <= 8) || stage === 'secondary');
  for (const grade of grades) {
    const plan = VPR_SUBJECTS[grade]!;
    const subjects = [
      ...plan.all,
      ...pickDistinct(
        s.random,
        plan.byLot.map((c) => [c, 1] as [string, number]),
        plan.lots,
      ),
    ];
    const classSize = grade >= 10 ? Math.round(s.cohort * (stage === 'secondary' ? 0.6 : 0)) : s.cohort;
    for (const subject of subjects) {
      const participants = Math.max(1, Math.round(classSize * (0.88 + 0.1 * s.random.next())));
      const ability = s.ability + (SUBJECT_EFFECT[subject] ?? 0) + s.random.normal(0, 0.15);
      const counts = [0, 0, 0, 0];
      for (let i = 0; i < participants; i++) counts[vprMark(ability + s.random.normal(0, 1)) - 2]!++;
      const lowered = Math.round(
        participants * clamp(0.17 - 0.06 * s.school.strength + s.random.normal(0, 0.05), 0.01, 0.6),
      );
      const raised = Math.min(
        participants - lowered,
        Math.round(participants * clamp(s.random.normal(0.04, 0.02), 0, 0.15)),
      );
      out.push({
        schoolCode: s.school.code,
        procedureCode: 'VPR',
        year: s.year,
        subjectCode: subject,
        grade,
        participants,
        count2: counts[0]!,
        count3: counts[1]!,
        count4: counts[2]!,
        count5: counts[3]!,
        journalLowered: lowered,
        journalConfirmed: participants - lowered - raised,
        journalRaised: raised,
      });
    }
  }
}

function ogeMark(scale: OgeScaleReference, primary: number): number {
  if (primary >= scale.minPrimaryFor5) return 5;
  if (primary >= scale.minPrimaryFor4) return 4;
  if (primary >= scale.minPrimaryFor3) return 3;
  return 2;
}

/** One participant row; rows are built with one shape, since a demo region has some 200 000 of them. */
function participantRow(
  s: SchoolYear,
  participantCode: string,
  procedureCode: string,
  subjectCode: string,
  grade: number,
  primaryScore: number | null,
  testScore: number | null,
  mark: number | null,
): ParticipantResultRow {
  const schoolCode = s.school.code;
  const year = s.year;
  return { participantCode, schoolCode, procedureCode, year, subjectCode, grade, primaryScore, testScore, mark };
}

function grade9Results(s: SchoolYear, out: ParticipantResultRow[]): void {
  const gve = s.school.type === 'коррекционная';
  const students = Math.max(1, Math.round(s.cohort * 0.95));
  const procedureCode = gve ? 'GVE' : 'OGE';
  const scales = ogeScales.get(s.year)!;
  const prefix = `demo-${s.year}-${procedureCode.toLowerCase()}-${s.school.code}-`;
  const ogeElectives = electivesFor(students, OGE_ELECTIVES);
  for (let n = 1; n <= students; n++) {
    const participantCode = prefix + String(n).padStart(3, '0');
    const general = s.ability + s.random.normal(0, 1);
    const subjects = gve ? GVE_SUBJECTS : ['RUSSIAN', 'MATHEMATICS', ...pickDistinct(s.random, ogeElectives, 2)];
    for (const subjectCode of subjects) {
      const z = general + s.random.normal(0, 0.6);
      if (gve) {
        const mark = z < -1.4 ? 2 : z < 0.3 ? 3 : z < 1.3 ? 4 : 5;
        out.push(participantRow(s, participantCode, procedureCode, subjectCode, 9, null, null, mark));
        continue;
      }
      const scale = scales.get(subjectCode)!;
      const primary = Math.round(clamp((OGE_MEAN_SHARE[subjectCode] ?? 0.55) + 0.13 * z, 0, 1) * scale.maxPrimaryScore);
      out.push(
        participantRow(s, participantCode, procedureCode, subjectCode, 9, primary, null, ogeMark(scale, primary)),
      );
    }
  }
}

function egeResults(s: SchoolYear, out: ParticipantResultRow[]): void {
  const selective = s.school.type === 'гимназия' || s.school.type === 'лицей';
  const stayOn = selective ? 0.85 : s.school.locality === 'urban' ? 0.6 : 0.45;
  const students = Math.max(1, Math.round(s.cohort * stayOn));
  const prefix = `demo-${s.year}-ege-${s.school.code}-`;
  const egeElectives = electivesFor(students, EGE_ELECTIVES);
  for (let n = 1; n <= students; n++) {
    const participantCode = prefix + String(n).padStart(3, '0');
    const general = s.ability + s.random.normal(0, 1);
    const profile = s.random.chance(clamp(0.45 + 0.2 * general, 0.1, 0.9));
    const electives = pickDistinct(s.random, egeElectives, s.random.chance(0.6) ? 1 : 2);
    for (const subjectCode of ['RUSSIAN', profile ? 'MATHEMATICS_PROFILE' : 'MATHEMATICS_BASE', ...electives]) {
      const z = general + s.random.normal(0, 0.5);
      if (subjectCode === 'MATHEMATICS_BASE') {
        const primary = Math.round(clamp(0.7 + 0.17 * z, 0, 1) * BASE_MATH.max);
        const mark = primary >= BASE_MATH.for5 ? 5 : primary >= BASE_MATH.for4 ? 4 : primary >= BASE_MATH.for3 ? 3 : 2;
        out.push(participantRow(s, participantCode, 'EGE', subjectCode, 11, primary, null, mark));
      } else {
        const score = Math.round(clamp((EGE_MEAN_SCORE[subjectCode] ?? 58) + EGE_SCORE_SPREAD * z, 0, 100));
        out.push(participantRow(s, participantCode, 'EGE', subjectCode, 11, null, score, null));
      }
    }
  }
}

/** Struggling schools fall behind faster than strong ones pull ahead. */
function abilityOf(school: DemoSchool): number {
  return school.strength < 0 ? 1.2 * school.strength : 0.7 * school.strength;
}

/** A small class chooses among the most common electives only: a village school does not run eight. */
function electivesFor(cohort: number, electives: readonly [string, number][]): readonly [string, number][] {
  if (cohort >= 15) return electives;
  return [...electives].sort((a, b) => b[1] - a[1]).slice(0, cohort >= 6 ? 4 : 3);
}

export interface DemoAssessments {
  years: number[];
  schoolResults: SchoolResultRow[];
  participantResults: ParticipantResultRow[];
}

/** Deterministic per school: adding a school does not change the others' results. */
export function generateDemoAssessments(schools: readonly DemoSchool[]): DemoAssessments {
  const schoolResults: SchoolResultRow[] = [];
  const participantResults: ParticipantResultRow[] = [];
  for (const school of schools) {
    const random = new SeededRandom(`assessments:${school.code}`);
    const perGrade = Math.max(1, Math.round((school.studentCount ?? 0) / 11));
    let drift = 0;
    for (const year of DEMO_ASSESSMENT_YEARS) {
      drift += random.normal(0, 0.12);
      const cohort = Math.max(1, Math.round(perGrade * (0.9 + 0.2 * random.next())));
      const s: SchoolYear = { school, year, random, ability: abilityOf(school) + drift, cohort };
      vprResults(s, schoolResults);
      const stage = stageOf(school.type);
      if (stage !== 'primary') grade9Results(s, participantResults);
      if (stage === 'secondary') egeResults(s, participantResults);
    }
  }
  return { years: DEMO_ASSESSMENT_YEARS, schoolResults, participantResults };
}
