import { ShnorCategory, ShnorProgrammeStatus } from '../../modules/shnor/shnor-listing.entity';
import type { ShnorListingRow } from '../../modules/shnor/shnor.service';
import { SeededRandom } from '../random';
import type { DemoSchool } from './school-profile';

/**
 * Demo ШНОР/ШНСУ lists for 2023–2025. The 2023 list has the size of the real one (seed 002:
 * 68 school programmes, curators in 17 municipalities): the weakest school of each of the 17
 * municipalities with the weakest schools on average, then the weakest others there. Each later
 * year the strongest few leave the list and the next weakest join. Remote schools without a
 * year-round road or far from Tomsk are ШНСУ (and ШНОР and ШНСУ when also weak).
 */
export const DEMO_SHNOR_YEARS = [2023, 2024, 2025];
const LIST_SIZE_2023 = 68;
const MUNICIPALITIES_ON_LIST = 17;
/** Schools that leave and join the list each later year. */
const TURNOVER = { leave: 6, join: 5 };

function category(school: DemoSchool): ShnorCategory {
  const remote = school.yearRoundRoad === false || (school.distanceToTomskKm ?? 0) > 300;
  if (!remote) return ShnorCategory.SHNOR;
  return school.strength < -0.8 ? ShnorCategory.SHNOR_AND_SHNSU : ShnorCategory.SHNSU;
}

export function generateDemoShnorListings(schools: readonly DemoSchool[]): ShnorListingRow[] {
  const random = new SeededRandom('demo-shnor-v1');
  const byMunicipality = new Map<string, DemoSchool[]>();
  for (const s of schools)
    byMunicipality.set(s.municipalityCode, [...(byMunicipality.get(s.municipalityCode) ?? []), s]);
  const mean = (list: DemoSchool[]) => list.reduce((sum, s) => sum + s.strength, 0) / list.length;
  const municipalities = [...byMunicipality.keys()]
    .sort((a, b) => mean(byMunicipality.get(a)!) - mean(byMunicipality.get(b)!) || a.localeCompare(b))
    .slice(0, MUNICIPALITIES_ON_LIST);
  const curator = new Map(municipalities.map((m, i) => [m, `Куратор ${i + 1} (демо)`]));
  const pool = schools
    .filter((s) => curator.has(s.municipalityCode))
    .sort((a, b) => a.strength - b.strength || a.code.localeCompare(b.code));

  const listed = new Set<string>();
  for (const m of municipalities) listed.add(pool.find((s) => s.municipalityCode === m)!.code);
  for (const s of pool) if (listed.size < LIST_SIZE_2023) listed.add(s.code);

  const rows: ShnorListingRow[] = [];
  const firstYear = new Map<string, number>();
  DEMO_SHNOR_YEARS.forEach((year, index) => {
    if (index > 0) {
      const leaving = pool.filter((s) => listed.has(s.code)).slice(-TURNOVER.leave);
      for (const s of leaving) listed.delete(s.code);
      const joining = pool.filter((s) => !listed.has(s.code) && !leaving.includes(s)).slice(0, TURNOVER.join);
      for (const s of joining) listed.add(s.code);
    }
    for (const s of pool.filter((p) => listed.has(p.code))) {
      if (!firstYear.has(s.code)) firstYear.set(s.code, year);
      const years = year - firstYear.get(s.code)!;
      // A programme is drafted in the first spring, approved, then monitored in the years after.
      const programmeStatus =
        years === 0
          ? random.chance(0.8)
            ? ShnorProgrammeStatus.APPROVED
            : ShnorProgrammeStatus.DRAFT
          : random.chance(0.85)
            ? ShnorProgrammeStatus.MONITORED
            : ShnorProgrammeStatus.APPROVED;
      rows.push({
        schoolCode: s.code,
        year,
        category: category(s),
        curator: curator.get(s.municipalityCode)!,
        programmeStatus,
      });
    }
  });
  return rows.sort((a, b) => a.year - b.year || a.schoolCode.localeCompare(b.schoolCode));
}
