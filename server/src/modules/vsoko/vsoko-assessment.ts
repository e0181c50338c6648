import type { FieldProblem } from '../../graphql/errors';
import { type VsokoZoneCode } from './vsoko-zone';

/** What the derivation needs of a block (a `VsokoBlock` or a plain object). */
export interface BlockRule {
  number: number;
  name: string;
  maxScore: number;
  threshold: number;
  risk: string;
  riskIndicator: string;
}

/** What the derivation needs of a zone rule line (a `VsokoZoneRule` or a plain object). */
export interface ZoneRule {
  zone: VsokoZoneCode;
  title: string;
  minRiskyBlocks: number;
  maxRiskyBlocks: number;
}

export interface BlockAssessment {
  number: number;
  name: string;
  /** Null when the evaluation has no score for the block. */
  score: number | null;
  max: number;
  threshold: number;
  risky: boolean;
  risk: string;
  riskIndicator: string;
}

export interface VsokoAssessment {
  blocks: BlockAssessment[];
  /** Sum of the given block scores. */
  total: number;
  riskyBlockCount: number;
  /** The risky blocks, in block order. */
  riskProfile: BlockAssessment[];
  /** Null when the campaign's rule covers no zone for this many risky blocks. */
  zone: ZoneRule | null;
}

/** A block is a risk when its score is below the minimum threshold; a score equal to it is not. */
export function isBlockRisky(threshold: number, score: number | null): boolean {
  return score !== null && score < threshold;
}

/** The zone whose inclusive range holds `riskyBlockCount`; the lowest such line when ranges overlap. */
export function zoneFor(rules: readonly ZoneRule[], riskyBlockCount: number): ZoneRule | null {
  const matching = rules.filter((r) => r.minRiskyBlocks <= riskyBlockCount && riskyBlockCount <= r.maxRiskyBlocks);
  return matching.sort((a, b) => a.minRiskyBlocks - b.minRiskyBlocks)[0] ?? null;
}

/** Derives risks, profile, zone and total of one evaluation from its campaign's rules. */
export function assessVsoko(
  blocks: readonly BlockRule[],
  zoneRules: readonly ZoneRule[],
  scores: ReadonlyMap<number, number>,
): VsokoAssessment {
  const assessed = [...blocks]
    .sort((a, b) => a.number - b.number)
    .map((block): BlockAssessment => {
      const score = scores.get(block.number) ?? null;
      return {
        number: block.number,
        name: block.name,
        score,
        max: block.maxScore,
        threshold: block.threshold,
        risky: isBlockRisky(block.threshold, score),
        risk: block.risk,
        riskIndicator: block.riskIndicator,
      };
    });
  const riskProfile = assessed.filter((b) => b.risky);
  return {
    blocks: assessed,
    total: assessed.reduce((sum, b) => sum + (b.score ?? 0), 0),
    riskyBlockCount: riskProfile.length,
    riskProfile,
    zone: zoneFor(zoneRules, riskProfile.length),
  };
}

/**
 * A zone rule must give every possible number of risky blocks (0 … the campaign's block
 * count) exactly one zone, and each zone at most one line.
 */
export function checkZoneRules(rules: readonly ZoneRule[], blockCount: number): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const seen = new Set<VsokoZoneCode>();
  for (const rule of rules) {
    if (seen.has(rule.zone)) problems.push({ field: 'zones', message: `Зона «${rule.title}» задана дважды` });
    seen.add(rule.zone);
    if (rule.minRiskyBlocks < 0 || rule.maxRiskyBlocks < rule.minRiskyBlocks) {
      problems.push({
        field: 'zones',
        message: `Зона «${rule.title}»: неверный диапазон ${rule.minRiskyBlocks}–${rule.maxRiskyBlocks} рисковых блоков`,
      });
    }
  }
  for (let count = 0; count <= blockCount; count++) {
    const zones = rules.filter((r) => r.minRiskyBlocks <= count && count <= r.maxRiskyBlocks);
    if (zones.length === 0) {
      problems.push({ field: 'zones', message: `Число рисковых блоков ${count}: не задана зона риска` });
    } else if (zones.length > 1) {
      problems.push({
        field: 'zones',
        message: `Число рисковых блоков ${count} попадает в несколько зон: ${zones.map((z) => `«${z.title}»`).join(', ')}`,
      });
    }
  }
  return problems;
}
