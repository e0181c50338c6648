import type { EntityManager } from 'typeorm';
import type { AnyImportKind, MergeCounts, RowProblem } from './import-kind';

const STAGING = 'import_staging';

/** A temporary table for this transaction's rows: `line` plus the kind's columns. */
export async function createStaging(em: EntityManager, kind: AnyImportKind): Promise<string> {
  const columns = kind.staging.map((c) => `"${c.name}" ${c.type}`).join(', ');
  await em.query(`CREATE TEMP TABLE ${STAGING} (line integer PRIMARY KEY, ${columns}) ON COMMIT DROP`);
  return STAGING;
}

/** Inserts parsed rows in one statement: one array parameter per column. */
export async function stageRows(
  em: EntityManager,
  kind: AnyImportKind,
  rows: { line: number; value: unknown }[],
): Promise<void> {
  if (rows.length === 0) return;
  const params: unknown[][] = [rows.map((r) => r.line)];
  const selects = ['unnest($1::integer[])'];
  kind.staging.forEach((column, i) => {
    params.push(rows.map((r) => column.get(r.value)));
    const type = column.type === 'jsonb' ? 'text' : column.type;
    selects.push(column.type === 'jsonb' ? `unnest($${i + 2}::text[])::jsonb` : `unnest($${i + 2}::${type}[])`);
  });
  const names = ['line', ...kind.staging.map((c) => `"${c.name}"`)].join(', ');
  await em.query(`INSERT INTO ${STAGING} (${names}) SELECT ${selects.join(', ')}`, params);
}

/**
 * Lines whose natural key repeats within the file: every such line is a
 * problem naming the others, and all of them leave the staging table.
 */
export async function takeDuplicates(
  em: EntityManager,
  kind: AnyImportKind,
  describe: (line: number) => string,
): Promise<Map<number, RowProblem[]>> {
  const key = kind.key.map((k) => `"${k}"`).join(', ');
  const groups: { lines: number[] }[] = await em.query(
    `SELECT array_agg(line ORDER BY line) AS lines FROM ${STAGING} GROUP BY ${key} HAVING count(*) > 1`,
  );
  const problems = new Map<number, RowProblem[]>();
  for (const { lines } of groups) {
    for (const line of lines) {
      const others = lines.filter((l) => l !== line);
      problems.set(line, [
        {
          column: null,
          message: `Повтор в файле: ${describe(line)} — также в строке ${others.join(', ')}`,
        },
      ]);
    }
  }
  if (problems.size > 0) await em.query(`DELETE FROM ${STAGING} WHERE line = ANY($1)`, [[...problems.keys()]]);
  return problems;
}

export async function stagedCount(em: EntityManager): Promise<number> {
  const [row] = await em.query(`SELECT count(*)::int AS count FROM ${STAGING}`);
  return row.count;
}

export async function dropLines(em: EntityManager, lines: number[]): Promise<void> {
  if (lines.length > 0) await em.query(`DELETE FROM ${STAGING} WHERE line = ANY($1)`, [lines]);
}

export interface UpsertSpec {
  target: string;
  /** Target columns of the natural key (with a unique constraint or index on them). */
  key: string[];
  /** Target columns written from the staging columns of the same name. */
  values: string[];
  /** Extra assignments on write, e.g. `updated_at = now()`. */
  touch?: string[];
  /** Column expressions to select from staging instead of the same-named column. */
  select?: Record<string, string>;
}

/**
 * INSERT … ON CONFLICT DO UPDATE that writes only rows that differ, so a
 * second import of the same file changes nothing; counts what it did.
 */
export async function upsertFromStaging(em: EntityManager, table: string, spec: UpsertSpec): Promise<MergeCounts> {
  const all = [...spec.key, ...spec.values];
  const quoted = (c: string) => `"${c}"`;
  const selectList = all.map((c) => spec.select?.[c] ?? `s.${quoted(c)}`).join(', ');
  const assignments = [...spec.values.map((c) => `${quoted(c)} = EXCLUDED.${quoted(c)}`), ...(spec.touch ?? [])];
  const current = spec.values.map((c) => `t.${quoted(c)}`).join(', ');
  const incoming = spec.values.map((c) => `EXCLUDED.${quoted(c)}`).join(', ');
  const [counts] = await em.query(
    `WITH written AS (
       INSERT INTO ${spec.target} AS t (${all.map(quoted).join(', ')})
       SELECT ${selectList} FROM ${table} s
       ON CONFLICT (${spec.key.map(quoted).join(', ')}) DO UPDATE SET ${assignments.join(', ')}
       WHERE (${current}) IS DISTINCT FROM (${incoming})
       RETURNING (xmax = 0) AS inserted
     )
     SELECT count(*) FILTER (WHERE inserted)::int AS inserted, count(*) FILTER (WHERE NOT inserted)::int AS updated FROM written`,
  );
  return { inserted: counts.inserted, updated: counts.updated };
}
