import { describe, expect, it } from 'vitest';
import { isDocumentProvided } from '../../modules/vsoko/document-link';
import { VSOKO_CAMPAIGN_2024 } from '../reference/vsoko/vsoko-2024';
import type { DemoSchool } from './school-profile';
import { generateVsokoDemo } from './vsoko-demo';

/** Sample schools spread evenly over strength −2…+2, plus one school outside the sample. */
const schools: (DemoSchool & { teacherCount: number })[] = [
  ...VSOKO_CAMPAIGN_2024.sample.map((code, i) => ({
    code,
    municipalityCode: 'tomsk',
    type: i % 10 === 0 ? 'ООШ' : 'СОШ',
    locality: 'urban' as const,
    studentCount: 300 + i * 10,
    distanceToTomskKm: 0,
    yearRoundRoad: true,
    strength: -2 + (4 * i) / (VSOKO_CAMPAIGN_2024.sample.length - 1),
    teacherCount: 30,
  })),
  {
    code: 'sch790001',
    municipalityCode: 'tomsk',
    type: 'СОШ',
    locality: 'urban',
    studentCount: 500,
    distanceToTomskKm: 0,
    yearRoundRoad: true,
    strength: 0,
    teacherCount: 40,
  },
];

describe('generateVsokoDemo', () => {
  const demo = generateVsokoDemo(VSOKO_CAMPAIGN_2024, schools);
  const risky = (e: (typeof demo)[number]) =>
    e.scores.filter((s) => s.score < VSOKO_CAMPAIGN_2024.blocks[s.number - 1]!.threshold).length;

  it('evaluates exactly the sample, deterministically', () => {
    expect(demo.map((e) => e.schoolCode)).toEqual(VSOKO_CAMPAIGN_2024.sample);
    expect(generateVsokoDemo(VSOKO_CAMPAIGN_2024, schools)).toEqual(demo);
  });

  it('keeps scores within 0…max, and weak schools have more risky blocks than strong ones', () => {
    for (const e of demo) {
      for (const s of e.scores) {
        expect(s.score).toBeGreaterThanOrEqual(0);
        expect(s.score).toBeLessThanOrEqual(VSOKO_CAMPAIGN_2024.blocks[s.number - 1]!.maxScore);
      }
    }
    const weak = demo.slice(0, 20).reduce((sum, e) => sum + risky(e), 0);
    const strong = demo.slice(-20).reduce((sum, e) => sum + risky(e), 0);
    expect(weak).toBeGreaterThan(strong + 10);
  });

  it('fills plausible passports, demo experts and document links within the expert stage', () => {
    for (const e of demo) {
      expect(e.managementPositions).toContain('principal');
      expect(e.teacherCount).toBeGreaterThanOrEqual(30);
      expect(e.expert).toMatch(/^Эксперт [1-6] \(демо\)$/);
      expect(e.recordedAt.toISOString() >= '2024-10-23' && e.recordedAt.toISOString() <= '2024-11-14').toBe(true);
      for (const link of e.links) expect(new URL(link.url).hostname).toMatch(/\.example$/);
    }
    const basic = demo.filter((_, i) => i % 10 === 0);
    for (const e of basic) expect(e.links.map((l) => l.code)).not.toContain('secondary-general-education-program');
    const links = demo.flatMap((e) => e.links);
    const pages = links.filter((l) => !isDocumentProvided(l.url));
    expect(pages.length).toBeGreaterThan(0);
    expect(pages.length).toBeLessThan(links.length / 8);
  });
});
