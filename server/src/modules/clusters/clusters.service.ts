import type { EntityManager } from 'typeorm';
import { Cluster } from './cluster.entity';

export class ClustersService {
  constructor(private readonly em: EntityManager) {}

  list(): Promise<Cluster[]> {
    return this.em.find(Cluster, { order: { position: 'ASC' } });
  }
}
