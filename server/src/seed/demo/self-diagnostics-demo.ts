import { SeededRandom } from '../random';
import type { DemoSchool } from './school-profile';

export type DemoLevel = 'below_base' | 'base' | 'medium' | 'high';

export interface SelfDiagnosticDemoResult {
  schoolCode: string;
  year: number;
  round: number;
  /** Scores by direction code, in the order of the directions given. */
  scores: { directionCode: string; score: number }[];
  total: number;
  level: DemoLevel;
}

/** The rounds the demo fills: two a year in 2024 and 2025. */
export const DEMO_ROUNDS: readonly { year: number; round: number }[] = [
  { year: 2024, round: 1 },
  { year: 2024, round: 2 },
  { year: 2025, round: 1 },
  { year: 2025, round: 2 },
];

/**
 * Demo scale of a direction's score. The federal platform's scales are not public: demo
 * scores only need to look plausible and add up, so every direction uses 0…30 here.
 */
const DEMO_DIRECTION_MAX = 30;

/** Where a level's direction scores sit on the demo scale. */
const LEVEL_POSITION: Record<DemoLevel, number> = { below_base: 0.32, base: 0.5, medium: 0.66, high: 0.82 };

/**
 * Deterministic demo self-diagnostics for every school and round. The level is drawn from
 * the school's strength, a lasting per-school deviation and a small per-round one, with a
 * steady improvement from round to round (the plan's goal: fewer schools «ниже базового»);
 * the direction scores then sit around the level's position and the total is their sum.
 * The level is a demo draw, not a threshold applied to the scores.
 */
export function generateSelfDiagnosticsDemo(
  schools: readonly DemoSchool[],
  directionCodes: readonly string[],
  rounds: readonly { year: number; round: number }[] = DEMO_ROUNDS,
): SelfDiagnosticDemoResult[] {
  const results: SelfDiagnosticDemoResult[] = [];
  for (const school of schools) {
    const random = new SeededRandom(`selfdiag-demo:${school.code}`);
    const lasting = random.normal(0, 0.35);
    rounds.forEach(({ year, round }, step) => {
      const latent = school.strength + lasting + 0.12 * step + random.normal(0, 0.25);
      const level: DemoLevel = latent < -1 ? 'below_base' : latent < -0.2 ? 'base' : latent < 0.7 ? 'medium' : 'high';
      const scores = directionCodes.map((directionCode) => {
        const position = LEVEL_POSITION[level] + random.normal(0, 0.1);
        return {
          directionCode,
          score: Math.max(0, Math.min(DEMO_DIRECTION_MAX, Math.round(position * DEMO_DIRECTION_MAX))),
        };
      });
      results.push({
        schoolCode: school.code,
        year,
        round,
        scores,
        total: scores.reduce((sum, s) => sum + s.score, 0),
        level,
      });
    });
  }
  return results;
}
