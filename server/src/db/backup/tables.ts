import type pg from 'pg';

/** Derived tables: rebuilt by triggers while the data they derive from is restored. */
export const DERIVED_TABLES = new Set(['assessment_rollup']);

export interface TableInfo {
  name: string;
  columns: string[];
}

/**
 * The application's tables in an order that satisfies their foreign keys
 * (a table after every table it references), with their columns.
 */
export async function tablesInLoadOrder(client: pg.Client | pg.PoolClient): Promise<TableInfo[]> {
  const tables: { name: string }[] = (
    await client.query(`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`)
  ).rows;
  const references: { child: string; parent: string }[] = (
    await client.query(
      `SELECT c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent
         FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
        WHERE c.contype = 'f' AND n.nspname = 'public' AND c.conrelid <> c.confrelid`,
    )
  ).rows;
  const columns: { table: string; column: string }[] = (
    await client.query(
      `SELECT table_name AS table, column_name AS column FROM information_schema.columns
        WHERE table_schema = 'public' AND is_generated = 'NEVER' ORDER BY table_name, ordinal_position`,
    )
  ).rows;

  const names = tables.map((t) => t.name).filter((n) => !DERIVED_TABLES.has(n));
  const parents = new Map(names.map((n) => [n, new Set<string>()]));
  for (const { child, parent } of references) {
    const strip = (name: string) => name.replace(/^public\./, '').replace(/"/g, '');
    parents.get(strip(child))?.add(strip(parent));
  }
  const ordered: string[] = [];
  const placed = new Set<string>();
  while (ordered.length < names.length) {
    const ready = names.filter(
      (n) => !placed.has(n) && [...parents.get(n)!].every((p) => placed.has(p) || !parents.has(p)),
    );
    if (ready.length === 0) throw new Error('Circular foreign keys between tables: cannot order them for loading');
    for (const name of ready) {
      ordered.push(name);
      placed.add(name);
    }
  }
  return ordered.map((name) => ({ name, columns: columns.filter((c) => c.table === name).map((c) => c.column) }));
}
