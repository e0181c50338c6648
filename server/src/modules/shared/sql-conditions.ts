/** Builds a WHERE clause with numbered parameters for hand-written SQL. */
export class Conditions {
  readonly parts: string[] = [];
  readonly params: unknown[] = [];

  /** Adds a condition; `param(value)` returns the placeholder (`$3`) bound to `value`. */
  add(sql: (param: (value: unknown) => string) => string): void {
    this.parts.push(sql((value) => `$${this.params.push(value)}`));
  }

  /** Binds one more parameter (e.g. a LIMIT) and returns its placeholder. */
  param(value: unknown): string {
    return `$${this.params.push(value)}`;
  }

  where(): string {
    return this.parts.length ? `WHERE ${this.parts.join(' AND ')}` : '';
  }
}

/**
 * For DataLoaders whose keys carry field arguments: groups the keys by argument so that
 * each distinct argument costs one statement, however many parents ask.
 */
export async function loadByArgument<K, A, V>(
  keys: readonly K[],
  argumentOf: (key: K) => A,
  load: (argument: A, keys: K[]) => Promise<(key: K) => V>,
): Promise<V[]> {
  const groups = new Map<string, { argument: A; keys: K[] }>();
  for (const key of keys) {
    const argument = argumentOf(key);
    const id = JSON.stringify(argument);
    const group = groups.get(id) ?? { argument, keys: [] };
    group.keys.push(key);
    groups.set(id, group);
  }
  const resolved = new Map<K, V>();
  for (const { argument, keys: group } of groups.values()) {
    const get = await load(argument, group);
    for (const key of group) resolved.set(key, get(key));
  }
  return keys.map((key) => resolved.get(key)!);
}
