import { SeededRandom } from '../random';
import type { VsokoCampaignReference } from '../reference/vsoko/vsoko-reference';
import type { DemoSchool } from './school-profile';

/** A demo evaluation, ready to insert; block scores in block-number order. */
export interface VsokoDemoEvaluation {
  schoolCode: string;
  year: number;
  scores: { number: number; score: number }[];
  expert: string;
  managementPositions: string[];
  teacherCount: number;
  studentCount: number;
  links: { code: string; url: string }[];
  recordedAt: Date;
}

/** File names of the demo documents, by document code. */
const FILES: Record<string, string> = {
  'self-examination-report': 'otchet-o-samoobsledovanii',
  'assessment-regulation': 'polozhenie-o-tekushchem-kontrole-i-promezhutochnoy-attestatsii',
  'vsoko-regulation': 'polozhenie-o-vsoko',
  'individual-achievements-regulation': 'polozhenie-ob-uchete-individualnyh-dostizheniy',
  'basic-general-education-program': 'oop-ooo',
  'secondary-general-education-program': 'oop-soo',
};

const EXPERTS = 6;
const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

/**
 * How likely a school has a management position, by strength and size: every school has a
 * principal and nearly every one a deputy for teaching; small rural schools rarely have
 * deputies for quality, content or research.
 */
function positionChance(code: string, strength: number, students: number): number {
  const large = students >= 500 ? 1 : 0;
  switch (code) {
    case 'principal':
      return 1;
    case 'deputy-teaching-and-upbringing':
      return 0.97;
    case 'deputy-upbringing-and-socialization':
      return 0.45 + 0.3 * large;
    case 'upbringing-adviser':
      return 0.8;
    case 'deputy-informatization':
      return 0.1 + 0.25 * large;
    case 'deputy-research-and-methodology':
      return clamp(0.15 + 0.2 * large + 0.1 * strength, 0, 1);
    case 'deputy-education-quality':
      return clamp(0.08 + 0.1 * large + 0.08 * strength, 0, 1);
    case 'deputy-education-content':
      return 0.06 + 0.1 * large;
    case 'deputy-resources':
      return 0.3 + 0.35 * large;
    case 'methodologist':
      return 0.15 + 0.2 * large;
    default:
      return 0;
  }
}

/**
 * Deterministic demo evaluations of a campaign's sample, all driven by each school's
 * strength: a school-wide and a per-block deviation around a level that rises with
 * strength, so weak schools fall below the thresholds in more blocks (most schools end in
 * the low or moderate zone, a few in the high one). Passports follow the school's size;
 * a few document links point at a site page instead of a document, weak schools more
 * often; optional documents are sometimes missing; a basic school has no secondary programme.
 * Sites use the reserved `.example` domain.
 */
export function generateVsokoDemo(
  campaign: VsokoCampaignReference,
  schools: readonly (DemoSchool & { teacherCount: number | null })[],
): VsokoDemoEvaluation[] {
  const sample = new Set(campaign.sample);
  const start = Date.parse(`${campaign.startsOn}T00:00:00+07:00`);
  const days = Math.max(1, (Date.parse(`${campaign.endsOn}T00:00:00+07:00`) - start) / 86_400_000);
  return schools
    .filter((s) => sample.has(s.code))
    .map((school) => {
      const random = new SeededRandom(`vsoko-demo:${campaign.year}:${school.code}`);
      const shared = random.normal(0, 0.1);
      const scores = campaign.blocks.map((block) => {
        const level = 0.58 + 0.15 * school.strength + shared + random.normal(0, 0.13);
        return { number: block.number, score: clamp(Math.round(level * block.maxScore), 0, block.maxScore) };
      });
      const students = school.studentCount ?? 200;
      const managementPositions = campaign.passportPositions
        .filter((p) => p.kind === 'position' && random.chance(positionChance(p.code, school.strength, students)))
        .map((p) => p.code);
      const site = `https://${school.code}.demo-school.example`;
      const pageChance = clamp(0.05 - 0.03 * school.strength, 0.01, 0.12);
      const links = campaign.documents.flatMap((document) => {
        if (document.code === 'secondary-general-education-program' && school.type === 'ООШ') return [];
        if (document.optional && random.chance(clamp(0.15 - 0.1 * school.strength, 0.03, 0.35))) return [];
        if (random.chance(pageChance)) return [{ code: document.code, url: `${site}/sveden/document/` }];
        const extension = random.weighted([
          ['pdf', 8],
          ['docx', 1],
          ['jpg', 1],
        ] as const);
        return [
          { code: document.code, url: `${site}/upload/docs/${FILES[document.code] ?? document.code}.${extension}` },
        ];
      });
      return {
        schoolCode: school.code,
        year: campaign.year,
        scores,
        expert: `Эксперт ${random.int(1, EXPERTS)} (демо)`,
        managementPositions,
        teacherCount: Math.max(1, (school.teacherCount ?? Math.round(students / 12)) + random.int(0, 3)),
        studentCount: Math.max(1, students + random.int(-15, 15)),
        links,
        // Ten days in: the expert evaluation stage of the schedule.
        recordedAt: new Date(
          start + random.int(10, Math.min(30, Math.floor(days))) * 86_400_000 + random.int(9, 17) * 3_600_000,
        ),
      };
    });
}
