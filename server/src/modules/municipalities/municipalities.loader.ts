import DataLoader from 'dataloader';
import { In, type EntityManager } from 'typeorm';
import { MunicipalityAlias } from './municipality-alias.entity';
import { Municipality } from './municipality.entity';

export function createMunicipalityLoaders(em: EntityManager) {
  return {
    municipalityByCode: new DataLoader<string, Municipality | null>(async (codes) => {
      const rows = await em.findBy(Municipality, { code: In([...codes]) });
      const byCode = new Map(rows.map((m) => [m.code, m]));
      return codes.map((code) => byCode.get(code) ?? null);
    }),
    aliasesByMunicipality: new DataLoader<string, string[]>(async (codes) => {
      const rows = await em.find(MunicipalityAlias, {
        where: { municipalityCode: In([...codes]) },
        order: { alias: 'ASC' },
      });
      return codes.map((code) => rows.filter((r) => r.municipalityCode === code).map((r) => r.alias));
    }),
  };
}
