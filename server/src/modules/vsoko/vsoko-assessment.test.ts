import { describe, expect, it } from 'vitest';
import { VSOKO_CAMPAIGN_2024 } from '../../seed/reference/vsoko/vsoko-2024';
import { assessVsoko, checkZoneRules, isBlockRisky, zoneFor, type ZoneRule } from './vsoko-assessment';
import { VsokoZoneCode } from './vsoko-zone';

const blocks = VSOKO_CAMPAIGN_2024.blocks;
const zones: ZoneRule[] = VSOKO_CAMPAIGN_2024.zones.map((z) => ({ ...z, zone: z.zone as VsokoZoneCode }));
/** Thresholds 5, 7, 3, 5 of the 2024 campaign. */
const scores = (...values: number[]) => new Map(values.map((v, i) => [i + 1, v]));

describe('block risk', () => {
  it('a score equal to the threshold is not a risk; one below is', () => {
    expect(isBlockRisky(5, 5)).toBe(false);
    expect(isBlockRisky(5, 4)).toBe(true);
    expect(isBlockRisky(5, 6)).toBe(false);
    expect(isBlockRisky(5, 0)).toBe(true);
  });

  it('a block without a score is not judged a risk', () => {
    expect(isBlockRisky(5, null)).toBe(false);
  });

  it('applies each 2024 threshold exactly at and just below it', () => {
    const atThreshold = assessVsoko(blocks, zones, scores(5, 7, 3, 5));
    expect(atThreshold.blocks.map((b) => b.risky)).toEqual([false, false, false, false]);
    const justBelow = assessVsoko(blocks, zones, scores(4, 6, 2, 4));
    expect(justBelow.blocks.map((b) => b.risky)).toEqual([true, true, true, true]);
  });
});

describe('the default zone rule (0 → низкий, 1–2 → умеренный, 3–4 → высокий)', () => {
  it.each([
    [scores(13, 16, 8, 12), 0, VsokoZoneCode.LOW],
    [scores(4, 16, 8, 12), 1, VsokoZoneCode.MODERATE],
    [scores(4, 6, 8, 12), 2, VsokoZoneCode.MODERATE],
    [scores(4, 6, 2, 12), 3, VsokoZoneCode.HIGH],
    [scores(0, 0, 0, 0), 4, VsokoZoneCode.HIGH],
  ])('%#: %i risky blocks', (given, risky, zone) => {
    const result = assessVsoko(blocks, zones, given);
    expect(result.riskyBlockCount).toBe(risky);
    expect(result.zone?.zone).toBe(zone);
  });

  it('builds the risk profile from the risky blocks with their named risks and indicators', () => {
    const result = assessVsoko(blocks, zones, scores(4, 7, 2, 12));
    expect(result.riskProfile.map((b) => [b.number, b.risk, b.riskIndicator])).toEqual([
      [1, 'Барьеры локального регулирования ВСОКО', 'Отсутствие аутентичных локальных норм функционирования ВСОКО'],
      [
        3,
        'Не проработанность программно-методических решений ВСОКО',
        'Отсутствие внутренних регламентов в отношении процедур ВСОКО и педагогических практик оценки',
      ],
    ]);
    expect(result.total).toBe(25);
    expect(result.zone).toMatchObject({ zone: VsokoZoneCode.MODERATE, title: 'Умеренный риск' });
  });

  it('gives the block maximum and threshold with every block', () => {
    const result = assessVsoko(blocks, zones, scores(13, 16, 8, 12));
    expect(result.blocks.map((b) => [b.number, b.max, b.threshold])).toEqual([
      [1, 13, 5],
      [2, 16, 7],
      [3, 8, 3],
      [4, 12, 5],
    ]);
    expect(result.total).toBe(49);
  });

  it('zoneFor follows whatever rule the data say, and gives none for an uncovered count', () => {
    const strict: ZoneRule[] = [
      { zone: VsokoZoneCode.LOW, title: 'Низкий', minRiskyBlocks: 0, maxRiskyBlocks: 0 },
      { zone: VsokoZoneCode.HIGH, title: 'Высокий', minRiskyBlocks: 1, maxRiskyBlocks: 4 },
    ];
    expect(zoneFor(strict, 1)?.zone).toBe(VsokoZoneCode.HIGH);
    expect(zoneFor(strict, 5)).toBeNull();
    expect(zoneFor([], 0)).toBeNull();
  });
});

describe('checkZoneRules', () => {
  it('accepts the 2024 rule', () => {
    expect(checkZoneRules(zones, 4)).toEqual([]);
  });

  it('reports a gap, an overlap, a duplicate zone and a reversed range', () => {
    const gap = zones.filter((z) => z.zone !== VsokoZoneCode.MODERATE);
    expect(checkZoneRules(gap, 4).map((p) => p.message)).toEqual([
      'Число рисковых блоков 1: не задана зона риска',
      'Число рисковых блоков 2: не задана зона риска',
    ]);
    const overlap = zones.map((z) => (z.zone === VsokoZoneCode.MODERATE ? { ...z, maxRiskyBlocks: 3 } : z));
    expect(checkZoneRules(overlap, 4).map((p) => p.message)).toEqual([
      'Число рисковых блоков 3 попадает в несколько зон: «Умеренный риск», «Высокий риск»',
    ]);
    expect(checkZoneRules([...zones, zones[0]!], 4)[0]!.message).toBe('Зона «Низкий риск» задана дважды');
    const reversed = [{ ...zones[0]!, minRiskyBlocks: 2, maxRiskyBlocks: 1 }];
    expect(checkZoneRules(reversed, 0)[0]!.message).toBe('Зона «Низкий риск»: неверный диапазон 2–1 рисковых блоков');
  });
});
