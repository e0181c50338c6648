import type { IncomingMessage } from 'node:http';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { RequestLocals } from './request-edge';

/** `application/json`, in UTF-8 if a charset is named: what express's JSON parser reads as UTF-8. */
const JSON_UTF8 = /^application\/json[ \t]*(?:;[ \t]*charset[ \t]*=[ \t]*"?utf-8"?[ \t]*)?$/i;

/**
 * The declared length of a body the edge may read itself, or -1: JSON in UTF-8, not compressed,
 * its length declared and at most `maxBytes`. Any other body (chunked, compressed, another
 * charset, larger) is left unread for express's parser, with its 1 MB limit and its errors.
 */
export function smallJsonLength(req: IncomingMessage, maxBytes: number): number {
  const { headers } = req;
  const type = headers['content-type'];
  const declared = headers['content-length'];
  if (!type || !declared || headers['transfer-encoding'] !== undefined) return -1;
  const encoding = headers['content-encoding'];
  if (encoding !== undefined && encoding.toLowerCase() !== 'identity') return -1;
  const length = Number(declared);
  if (!Number.isInteger(length) || length < 1 || length > maxBytes || !JSON_UTF8.test(type)) return -1;
  return length;
}

/** The whole body of `length` bytes (the HTTP parser holds the request to it); null if the request failed first. */
export function readBody(req: IncomingMessage, length: number): Promise<Buffer | null> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.once('end', () => resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, length)));
    req.once('error', () => resolve(null));
  });
}

/** The error express's JSON parser gives a body that is not JSON, as `bodyErrors` knows it. */
function parseFailed(cause: unknown): Error {
  return Object.assign(new SyntaxError(cause instanceof Error ? cause.message : 'not JSON'), {
    type: 'entity.parse.failed',
    status: 400,
    statusCode: 400,
    expose: true,
  });
}

/** JSON's own whitespace (RFC 8259), which is all express's parser skips before the first value. */
const JSON_SPACE = new Set([' ', '\t', '\n', '\r']);

/**
 * A UTF-8 body as express's strict JSON parser takes it: a byte order mark dropped, an empty
 * body is `{}`, and only an object or an array at the top.
 */
export function parseJsonBody(raw: Buffer): unknown {
  let text = raw.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.length === 0) return {};
  let at = 0;
  while (at < text.length && JSON_SPACE.has(text[at]!)) at++;
  const first = text[at];
  if (first !== '{' && first !== '[') throw parseFailed(new SyntaxError('not an object or an array'));
  try {
    return JSON.parse(text);
  } catch (error) {
    throw parseFailed(error);
  }
}

/**
 * Express's JSON parser, keeping the body as sent in `res.locals.rawBody`; for a body the edge
 * already read, the same parse of what it read.
 */
export function jsonBody(limit: string) {
  const parse = express.json({
    limit,
    verify: (_req, res, raw) => ((res as Response).locals.rawBody = raw),
  });
  return (req: Request, res: Response, next: NextFunction): void => {
    const locals = res.locals as RequestLocals;
    if (!locals.bodyRead) return parse(req, res, next);
    try {
      req.body = locals.rawBody ? parseJsonBody(locals.rawBody) : undefined;
    } catch (error) {
      return next(error);
    }
    next();
  };
}
