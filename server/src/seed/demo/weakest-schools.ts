import type { DemoSchool } from './school-profile';

/**
 * The demo ШНОР list: the weakest schools by demo `strength`, spread over
 * municipalities. Rule: rank municipalities by their weakest school and keep the
 * `municipalities` weakest; give each of them its weakest school; fill up to
 * `count` with the weakest remaining schools of those municipalities. Ties go by
 * code. With the roadmap's figures (68 schools in 17 municipalities) every demo
 * domain that needs "the ШНОР schools" can derive the same list from `strength`.
 */
export function selectWeakestSchools(
  schools: readonly DemoSchool[],
  options: { count: number; municipalities: number },
): DemoSchool[] {
  const ranked = [...schools].sort((a, b) => a.strength - b.strength || (a.code < b.code ? -1 : 1));
  const chosenMunicipalities: string[] = [];
  for (const school of ranked) {
    if (chosenMunicipalities.length === options.municipalities) break;
    if (!chosenMunicipalities.includes(school.municipalityCode)) chosenMunicipalities.push(school.municipalityCode);
  }
  const inChosen = ranked.filter((s) => chosenMunicipalities.includes(s.municipalityCode));
  const chosen = new Set<string>();
  for (const municipality of chosenMunicipalities) {
    const weakest = inChosen.find((s) => s.municipalityCode === municipality);
    if (weakest && chosen.size < options.count) chosen.add(weakest.code);
  }
  for (const school of inChosen) {
    if (chosen.size >= options.count) break;
    chosen.add(school.code);
  }
  return ranked.filter((s) => chosen.has(s.code));
}

/** The roadmap's numbers: 68 schools in 17 municipalities (seed 002, activities 5 and 11). */
export const SHNOR_DEMO_SIZE = { count: 68, municipalities: 17 } as const;
