import type { DataSource } from 'typeorm';
import { seesEverySchool, type Actor } from '../graphql/actor';
import { RequestScope } from './request-scope';

const CACHE_LIMIT = 500;
const LOOKUP_TIMEOUT_MS = 5000;

/**
 * The schools a caller sees, for results computed once as the owner and
 * shared (aggregates by school): asked of row-level security itself, so the
 * answer is by construction the one every query of that caller gets. Cached
 * per scope and change-feed version: a school that moves is a change.
 */
export class SchoolScopes {
  private readonly cache = new Map<string, { version: number; codes: Promise<ReadonlySet<string>> }>();

  constructor(private readonly dataSource: DataSource) {}

  /** Null: every school. */
  async visible(actor: Actor, version: number): Promise<ReadonlySet<string> | null> {
    if (seesEverySchool(actor)) return null;
    if (actor.role === null) return new Set();
    const key = JSON.stringify([actor.role, actor.municipalityCode, actor.schoolCodes]);
    const cached = this.cache.get(key);
    if (cached && cached.version === version) return cached.codes;
    const codes = this.load(actor);
    this.cache.delete(key);
    this.cache.set(key, { version, codes });
    if (this.cache.size > CACHE_LIMIT) this.cache.delete(this.cache.keys().next().value!);
    codes.catch(() => this.cache.delete(key));
    return codes;
  }

  private async load(actor: Actor): Promise<ReadonlySet<string>> {
    const scope = await RequestScope.open(this.dataSource, actor, LOOKUP_TIMEOUT_MS);
    try {
      const rows: { code: string }[] = await scope.em.query('SELECT code FROM school');
      return new Set(rows.map((r) => r.code));
    } finally {
      await scope.close(true);
    }
  }
}
