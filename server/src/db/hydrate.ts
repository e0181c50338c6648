import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * Turns rows of a raw SQL query (snake_case columns) into entity instances,
 * for the queries TypeORM's builder cannot say well (window functions, LATERAL).
 */
export function hydrate<T extends ObjectLiteral>(
  em: EntityManager,
  target: EntityTarget<T>,
  rows: Record<string, unknown>[],
): T[] {
  const metadata = em.connection.getMetadata(target);
  return rows.map((row) => {
    const entity = metadata.create() as T;
    for (const column of metadata.columns) {
      if (column.databaseName in row) column.setEntityValue(entity, row[column.databaseName]);
    }
    return entity;
  });
}
