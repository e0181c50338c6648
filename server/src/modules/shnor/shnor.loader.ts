import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import type { ShnorListing } from './shnor-listing.entity';
import { ShnorService } from './shnor.service';

interface SchoolYearKey {
  schoolCode: string;
  /** null: the school's most recent listing. */
  year: number | null;
}

const keyId = (k: SchoolYearKey) => `${k.schoolCode}|${k.year ?? 'latest'}`;

export function createShnorLoaders(em: EntityManager) {
  const service = new ShnorService(em);
  return {
    /** `School.shnor(year)`: one statement per distinct year asked, however many schools ask. */
    shnorListingBySchool: new DataLoader<SchoolYearKey, ShnorListing | null, string>(
      async (keys) => {
        const byYear = new Map<number | null, string[]>();
        for (const k of keys) byYear.set(k.year, [...(byYear.get(k.year) ?? []), k.schoolCode]);
        const found = new Map<string, ShnorListing>();
        await Promise.all(
          [...byYear].map(async ([year, codes]) => {
            const listings = await service.bySchools([...new Set(codes)], year);
            for (const [code, listing] of listings) found.set(keyId({ schoolCode: code, year }), listing);
          }),
        );
        return keys.map((k) => found.get(keyId(k)) ?? null);
      },
      { cacheKeyFn: keyId },
    ),
  };
}
