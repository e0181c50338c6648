import DataLoader from 'dataloader';
import { In, type EntityManager } from 'typeorm';
import { Cluster } from './cluster.entity';

export function createClusterLoaders(em: EntityManager) {
  return {
    clusterByCode: new DataLoader<string, Cluster | null>(async (codes) => {
      const rows = await em.findBy(Cluster, { code: In([...codes]) });
      const byCode = new Map(rows.map((c) => [c.code, c]));
      return codes.map((code) => byCode.get(code) ?? null);
    }),
  };
}
