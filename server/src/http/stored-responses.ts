import type { IncomingMessage, ServerResponse } from 'node:http';
import type { NextFunction, Request, Response } from 'express';
import { keyOf, MAX_BODY_BYTES, type AggregateResponses } from '../analytics/aggregate-responses';
import type { Actor } from '../graphql/actor';
import { readBody, smallJsonLength } from './json-body';
import type { EarlyHandler, RequestLocals } from './request-edge';

/** What answering from a stored response needs of the rest of the server. */
export interface StoredResponsesDeps {
  responses: AggregateResponses;
  /** The caller of a bearer token; throws when the token is not good. */
  identify: (authorization: string) => Promise<Actor>;
  /** Counts the request against the caller's rate limit; throws when over it. */
  limit: (actor: Actor, address: string) => void;
  /** Request metrics for a stored answer. */
  observe: (operationName: string | undefined, started: number) => void;
}

/** How long a request waits for another to answer the same stale question before answering it itself. */
const WAIT_FOR_ANSWER_MS = 5000;

const stalled = (ms: number) =>
  new Promise<void>((resolve) => {
    setTimeout(resolve, ms).unref();
  });

const JSON_TYPE = 'application/json; charset=utf-8';

/**
 * Sends the stored response for this body if one stands for this caller, after identifying the
 * caller and counting the request against the rate limit like any request. False: the normal
 * way answers (a body never stored, the anonymous, a stale answer this request is to make anew),
 * and it also reports any failure (a bad token, over the limit, the database unreachable).
 */
async function sendStored(
  deps: StoredResponsesDeps,
  req: IncomingMessage,
  res: ServerResponse & { locals: RequestLocals },
  raw: Buffer,
  /** The caller's address as express's proxy settings give it; null where they do not apply. */
  address: (() => string) | null,
): Promise<boolean> {
  const authorization = req.headers.authorization;
  const key = keyOf(raw);
  // The anonymous may only sign in; a body never stored is not worth identifying the caller for.
  if (!authorization || !deps.responses.knows(key)) return false;
  const actor = await deps.identify(authorization);
  // Limited by address, a caller without a user id (none signs in with a token today) goes where the address is known.
  if (!actor.userId && !address) return false;
  let found = await deps.responses.lookup(key, actor);
  if (found && 'stale' in found) {
    const running = deps.responses.answering(found.stale, res);
    if (!running) return false;
    await Promise.race([running, stalled(WAIT_FOR_ANSWER_MS)]);
    found = await deps.responses.lookup(key, actor);
  }
  if (!found || !('fresh' in found)) return false;
  const stored = found.fresh;
  deps.limit(actor, address ? address() : '');
  const { locals } = res;
  locals.userId = actor.userId ?? undefined;
  locals.operation = stored.operationName ?? '(query)';
  res.writeHead(200, { 'content-type': JSON_TYPE, 'content-length': stored.body.length });
  res.end(stored.body);
  deps.observe(stored.operationName, locals.started);
  return true;
}

/**
 * POST /graphql answered from a stored response before express runs at all (its router, body
 * parser and the middleware before them were most of such a request's cost). Only a small JSON
 * body with a declared length is read here (a stored question is at most `MAX_BODY_BYTES`); any
 * other goes to express unread. A body read here that has no stored answer goes on to express
 * as read, parsed there as its JSON parser would (see `jsonBody`).
 */
export function earlyStoredResponses(deps: StoredResponsesDeps, path: string): EarlyHandler {
  return {
    method: 'POST',
    path,
    handle(req, res, fallThrough) {
      const length = smallJsonLength(req, MAX_BODY_BYTES);
      if (length < 0 || !req.headers.authorization) return fallThrough(req, res);
      void readBody(req, length)
        .then((raw) => {
          // The caller went away mid-body: nobody to answer (the access line says it was aborted).
          if (!raw) return null;
          res.locals.rawBody = raw;
          res.locals.bodyRead = true;
          return sendStored(deps, req, res, raw, null).catch(() => false);
        })
        .then((sent) => {
          if (sent === null) res.destroy();
          else if (!sent) fallThrough(req, res);
        });
    },
  };
}

/**
 * The same inside express, for a body its parser read (one sent in chunks or compressed): after
 * `jsonBody`, before GraphQL.
 */
export function storedAggregateResponses(deps: StoredResponsesDeps) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const locals = res.locals as RequestLocals;
    const raw = locals.rawBody;
    if (req.method !== 'POST' || !raw || locals.bodyRead || raw.length > MAX_BODY_BYTES) return next();
    sendStored(deps, req, res as Response & { locals: RequestLocals }, raw, () => req.ip ?? 'unknown').then(
      (sent) => sent || next(),
      // Not identified, over the limit, the database unreachable: the normal way says so properly.
      () => next(),
    );
  };
}
