import type { EntityManager } from 'typeorm';
import { MunicipalityAlias } from './municipality-alias.entity';
import { MunicipalityMatcher } from './municipality-name';
import { Municipality } from './municipality.entity';

export class MunicipalitiesService {
  constructor(private readonly em: EntityManager) {}

  list(): Promise<Municipality[]> {
    return this.em.find(Municipality, { order: { sortOrder: 'ASC', code: 'ASC' } });
  }

  byCode(code: string): Promise<Municipality | null> {
    return this.em.findOneBy(Municipality, { code });
  }

  /** The matcher every import uses; built once per import from the aliases table. */
  async matcher(): Promise<MunicipalityMatcher> {
    return new MunicipalityMatcher(await this.em.find(MunicipalityAlias));
  }

  async byName(name: string): Promise<{ municipality: Municipality | null; error: string | null }> {
    const match = (await this.matcher()).match(name);
    if ('error' in match) return { municipality: null, error: match.error };
    return { municipality: await this.byCode(match.code), error: null };
  }
}
