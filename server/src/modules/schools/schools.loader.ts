import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import type { Page } from '../../graphql/pagination';
import type { School } from './school.entity';
import { SchoolsService } from './schools.service';

interface MunicipalityPageKey {
  municipalityCode: string;
  page: Page;
}

export function createSchoolLoaders(em: EntityManager) {
  const schools = new SchoolsService(em);
  return {
    /** Any module's rows that name a school by code resolve it here, one statement per request. */
    schoolByCode: new DataLoader<string, School | null>(async (codes) => {
      const rows = await schools.byCodes(codes);
      const byCode = new Map(rows.map((s) => [s.code, s]));
      return codes.map((code) => byCode.get(code) ?? null);
    }),
    schoolCountByMunicipality: new DataLoader<string, number>(async (codes) => {
      const counts = await schools.countBy('municipality_code', codes);
      return codes.map((code) => counts.get(code) ?? 0);
    }),
    schoolCountByCluster: new DataLoader<string, number>(async (codes) => {
      const counts = await schools.countBy('cluster_code', codes);
      return codes.map((code) => counts.get(code) ?? 0);
    }),
    /** One statement per distinct page request, however many municipalities ask. */
    schoolPageByMunicipality: new DataLoader<MunicipalityPageKey, School[], string>(
      async (keys) => {
        const groups = new Map<string, { page: Page; codes: string[] }>();
        for (const { municipalityCode, page } of keys) {
          const id = JSON.stringify(page);
          const group = groups.get(id) ?? { page, codes: [] };
          group.codes.push(municipalityCode);
          groups.set(id, group);
        }
        const results = new Map<string, School[]>();
        for (const [id, group] of groups) {
          const pages = await schools.pagesByMunicipality(group.codes, group.page);
          for (const [code, rows] of pages) results.set(`${code}|${id}`, rows);
        }
        return keys.map((k) => results.get(`${k.municipalityCode}|${JSON.stringify(k.page)}`) ?? []);
      },
      { cacheKeyFn: (k) => `${k.municipalityCode}|${JSON.stringify(k.page)}` },
    ),
  };
}
