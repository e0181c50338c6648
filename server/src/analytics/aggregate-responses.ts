import type { ServerResponse } from 'node:http';
import { Kind, type OperationDefinitionNode } from 'graphql';
import { seesEverySchool, type Actor } from '../graphql/actor';
import type { AggregateService } from './aggregate.service';
import { GroupBy, type AggregateFilter, type AggregateResult } from './aggregate.types';

/** One `aggregate` field of a request, and the shared answer it was given. */
export interface AnsweredAggregate {
  indicator: string;
  groupBy: GroupBy;
  filter: AggregateFilter | null;
  result: AggregateResult;
}

interface StoredResponse {
  answers: AnsweredAggregate[];
  /** By school, answers are scoped per caller: only callers who see every school share them. */
  everySchoolOnly: boolean;
  operationName: string | undefined;
  body: Buffer;
}

/**
 * A body's key: its bytes one to one as a string (latin1 is the cheapest decoding that keeps
 * them all apart). Only bodies up to `MAX_BODY_BYTES` have one worth making.
 */
export function keyOf(rawBody: Buffer): string {
  return rawBody.toString('latin1');
}

/** Request bodies remembered; each is one dashboard's or script's question, so a few hundred cover a region. */
const LIMIT = 500;
/** Larger bodies are not aggregate-only questions worth remembering. */
export const MAX_BODY_BYTES = 4096;
/** Memory for stored responses (by school, a national answer is megabytes): the least recent go first. */
const BUDGET_BYTES = 64 * 1024 * 1024;

/**
 * Whole HTTP responses of queries made only of `aggregate` fields, kept by
 * request body. A dashboard opened by many people asks the same few questions:
 * once the answers are held in memory, running GraphQL again to serialise the
 * same rows is most of a request's cost. A stored response is sent only if
 * every answer it was made of is still the service's current answer (the same
 * object: same facts, same change version), after the caller is identified
 * and counted against the rate limit like any request; otherwise the request
 * takes the normal way and its response is stored anew.
 */
export class AggregateResponses {
  private readonly stored = new Map<string, StoredResponse>();
  private bytes = 0;
  private readonly running = new Map<string, Promise<void>>();

  constructor(private readonly service: AggregateService) {}

  /** After a successful response: remembers it if the operation was aggregate fields only. */
  remember(
    actor: Actor,
    rawBody: Buffer | undefined,
    operation: OperationDefinitionNode | undefined,
    answers: AnsweredAggregate[] | undefined,
    response: unknown,
  ): void {
    if (!rawBody || rawBody.length > MAX_BODY_BYTES || !operation || !answers?.length) return;
    if (operation.operation !== 'query' || operation.directives?.length) return;
    const fields = operation.selectionSet.selections;
    const onlyAggregates = fields.every(
      (f) => f.kind === Kind.FIELD && f.name.value === 'aggregate' && !f.directives?.length,
    );
    if (!onlyAggregates || fields.length !== answers.length) return;
    const everySchoolOnly = answers.some((a) => a.groupBy === GroupBy.SCHOOL);
    // A caller's own schools by school are not what another caller would see.
    if (everySchoolOnly && !seesEverySchool(actor)) return;
    const body = Buffer.from(JSON.stringify(response) + '\n');
    if (body.length > BUDGET_BYTES / 8) return;
    const key = keyOf(rawBody);
    this.forget(key);
    this.stored.set(key, { answers, everySchoolOnly, operationName: operation.name?.value, body });
    this.bytes += body.length;
    while (this.stored.size > LIMIT || this.bytes > BUDGET_BYTES) this.forget(this.stored.keys().next().value!);
  }

  private forget(key: string): void {
    const stored = this.stored.get(key);
    if (!stored) return;
    this.stored.delete(key);
    this.bytes -= stored.body.length;
  }

  /** Whether a response is stored for this body (`keyOf`), for whomever it may be. */
  knows(key: string): boolean {
    return this.stored.has(key);
  }

  /**
   * The stored response for this body (`keyOf`) and caller: `fresh` if every answer in it
   * stands, `stale` if the question is known but its answers moved on; null for a question not
   * stored (the normal way answers it, and reports any error).
   */
  async lookup(key: string, actor: Actor): Promise<{ fresh: StoredResponse } | { stale: string } | null> {
    // The anonymous may only sign in: the normal way tells them so.
    if (actor.role === null) return null;
    const stored = this.stored.get(key);
    if (!stored || (stored.everySchoolOnly && !seesEverySchool(actor))) return null;
    for (const answer of stored.answers) {
      const current = await this.service.aggregate(answer.indicator, answer.groupBy, answer.filter);
      if (current !== answer.result) return { stale: key };
    }
    return { fresh: stored };
  }

  /**
   * One request answers a stale question the normal way; others asking it meanwhile wait for
   * that response to be stored instead of each running GraphQL over the same (perhaps 40,000)
   * rows. Returns what to wait for, or null when this request is the one to answer.
   */
  answering(key: string, res: ServerResponse): Promise<void> | null {
    const running = this.running.get(key);
    if (running) return running;
    const done = new Promise<void>((resolve) => res.once('close', () => resolve()));
    this.running.set(key, done);
    void done.then(() => {
      if (this.running.get(key) === done) this.running.delete(key);
    });
    return null;
  }
}
