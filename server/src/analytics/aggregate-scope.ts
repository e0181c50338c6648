import { Repeater } from '@graphql-yoga/subscription';
import { seesEverySchool, type Actor } from '../graphql/actor';
import type { SchoolScopes } from '../db/school-scopes';
import { GroupBy, type AggregateResult } from './aggregate.types';

/**
 * Aggregates are computed once as the owner and shared by every caller.
 * Region, municipality and cluster rows are for every signed-in role; school
 * rows only for the schools in the caller's scope.
 */
export async function scopeAggregate(
  result: AggregateResult,
  actor: Actor,
  scopes: SchoolScopes,
): Promise<AggregateResult> {
  if (result.groupBy !== GroupBy.SCHOOL || seesEverySchool(actor)) return result;
  const visible = await scopes.visible(actor, result.version);
  if (visible === null) return result;
  return { ...result, rows: result.rows.filter((row) => visible.has(row.key)) };
}

/**
 * A live aggregate as one subscriber may see it: each result scoped to the
 * subscriber; by school, a result whose visible rows did not change is not
 * sent (a change at a school out of scope tells the subscriber nothing).
 */
export function scopeAggregates(
  source: AsyncIterable<AggregateResult>,
  actor: Actor,
  scopes: SchoolScopes,
): AsyncIterable<AggregateResult> {
  if (seesEverySchool(actor)) return source;
  return new Repeater<AggregateResult>(async (push, stop) => {
    const iterator = source[Symbol.asyncIterator]();
    const stopped = stop.then(() => ({ done: true as const, value: undefined }));
    void stopped.then(() => iterator.return?.());
    let lastSent: string | undefined;
    for (;;) {
      const next = await Promise.race([iterator.next(), stopped]);
      if (next.done) break;
      const scoped = await scopeAggregate(next.value, actor, scopes);
      if (scoped.groupBy === GroupBy.SCHOOL) {
        const print = JSON.stringify(scoped.rows);
        if (print === lastSent) continue;
        lastSent = print;
      }
      await push(scoped);
    }
    stop();
  });
}
