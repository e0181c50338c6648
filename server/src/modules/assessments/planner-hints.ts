import type { EntityManager } from 'typeorm';

/** From this many rows on, a statement over a table of the transaction reads in hashed passes. */
export const LARGE_ROWS = 1000;

/** `hashJoinsForLargeTables`' settings, for a batch of statements sent at once. */
export const HASH_JOINS = `SET LOCAL enable_nestloop = off; SET LOCAL enable_mergejoin = off; SET LOCAL enable_sort = off`;
/** `primaryKeyLookups`' settings. */
const INDEX_LOOKUPS = `SET LOCAL enable_hashjoin = off; SET LOCAL enable_mergejoin = off`;
/** `plannerDefaults`' settings, for a batch of statements sent at once. */
export const PLANNER_DEFAULTS = `SET LOCAL enable_nestloop TO DEFAULT; SET LOCAL enable_mergejoin TO DEFAULT; SET LOCAL enable_sort TO DEFAULT;
     SET LOCAL enable_hashjoin TO DEFAULT`;

/**
 * For statements that join a large table of the transaction (an import's staged rows, the
 * keys they touch) with the participant table. Its statistics lag behind a large import, and
 * the planner, guessing that a join on four or five columns keeps a few rows, walks an index
 * key by key and sorts a million rows; one hashed pass over each table is several times
 * faster. Until `plannerDefaults`, for this transaction only; small tables keep the defaults.
 */
export async function hashJoinsForLargeTables(em: EntityManager, table: string): Promise<boolean> {
  const [{ rows }] = await em.query(`SELECT count(*)::int AS rows FROM (SELECT 1 FROM ${table} LIMIT $1) t`, [
    LARGE_ROWS,
  ]);
  if (rows < LARGE_ROWS) return false;
  await em.query(HASH_JOINS);
  return true;
}

/**
 * For a statement that joins a chunk of an import (a hundred thousand rows) with the participant
 * table: one primary-key lookup per row. The planner, going by statistics from before the import,
 * would rather hash the whole participant table for each chunk, at twice the cost.
 */
export async function primaryKeyLookups(em: EntityManager): Promise<void> {
  await em.query(INDEX_LOOKUPS);
}

export async function plannerDefaults(em: EntityManager): Promise<void> {
  await em.query(PLANNER_DEFAULTS);
}
