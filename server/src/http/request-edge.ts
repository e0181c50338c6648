import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../observability/logger';
import { REQUEST_ID_HEADER, requestIdFrom } from './gateway';
import { OPS_PATHS } from './ops';

/**
 * What the edge and express's handlers keep about one request: express's `res.locals`
 * (express keeps the object it finds there).
 */
export interface RequestLocals {
  requestId: string;
  /** Set once the caller is known, and the operation once it is: for the access line. */
  userId?: string;
  operation?: string;
  /** The body as sent, when read (see `json-body.ts`). */
  rawBody?: Buffer;
  /** The body was read before express: its JSON parser has nothing left to read. */
  bodyRead?: boolean;
  /** `performance.now()` when the request arrived. */
  started: number;
  /** The path as requested, without the query string (express rewrites `req.url` while routing). */
  path: string;
}

export type EdgeResponse = ServerResponse & { locals: RequestLocals; req: IncomingMessage };

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * A handler for one method and path that may answer a request before express does; else it hands
 * the request to `fallThrough` (express), which answers it as if it had come straight there.
 */
export interface EarlyHandler {
  method: string;
  path: string;
  handle(req: IncomingMessage, res: EdgeResponse, fallThrough: Handler): void;
}

/**
 * The access line's fields. All of them are ids, names and numbers the hub made or checked: never
 * a query string, body or header (variables may hold a password, headers a token). That is what
 * lets the line skip the logger's redaction pass (see `accessLogger`).
 */
interface AccessLine {
  reqId: string;
  userId: string | undefined;
  operation: string | undefined;
  method: string | undefined;
  path: string;
  status: number;
  durationMs: number;
  aborted?: true;
}

/**
 * The logger the access lines go through: the same destination, level, time and base fields,
 * without redaction. Redaction matches keys, and no key of `AccessLine` is a redacted one nor
 * holds an object, so a line comes out as the redacting logger would write it; the pass itself
 * was a sizeable share of a stored answer's cost.
 */
export function accessLogger(logger: Logger): Logger {
  return logger.child({}, { redact: [] });
}

/** An ended request's level: errors as errors, the dashboard's files and the probes at debug. */
function levelOf(path: string, status: number): 'error' | 'info' | 'debug' {
  if (status >= 500) return 'error';
  const busy = path.startsWith('/graphql') || path.startsWith('/api/');
  return busy && !OPS_PATHS.includes(path) ? 'info' : 'debug';
}

/**
 * Every HTTP request, before express: its id (the caller's `X-Request-Id` when sane, echoed) and,
 * when it ends, one access line. The `early` handler may answer its method and path first; every
 * other request goes straight to `app`. One listener function serves every response (no closure
 * per request).
 */
export function requestEdge(app: Handler, logger: Logger, early?: EarlyHandler): Handler {
  const access = accessLogger(logger);
  function logRequest(this: EdgeResponse): void {
    const { locals } = this;
    const level = levelOf(locals.path, this.statusCode);
    if (!access.isLevelEnabled(level)) return;
    const line: AccessLine = {
      reqId: locals.requestId,
      userId: locals.userId,
      operation: locals.operation,
      method: this.req.method,
      path: locals.path,
      status: this.statusCode,
      durationMs: Math.round((performance.now() - locals.started) * 1000) / 1000,
    };
    if (!this.writableFinished) line.aborted = true;
    access[level](line, 'request');
  }
  return (req, response) => {
    const res = response as EdgeResponse;
    const url = req.url ?? '/';
    const query = url.indexOf('?');
    const path = query < 0 ? url : url.slice(0, query);
    const requestId = requestIdFrom(req.headers[REQUEST_ID_HEADER]);
    // A null-prototype object, like the one express would have made.
    const locals: RequestLocals = Object.create(null);
    locals.requestId = requestId;
    locals.started = performance.now();
    locals.path = path;
    res.locals = locals;
    res.setHeader(REQUEST_ID_HEADER, requestId);
    // `on`, not `once`: a response closes once, and `once` would wrap the listener anew each time.
    res.on('close', logRequest);
    if (early && path === early.path && req.method === early.method) early.handle(req, res, app);
    else app(req, res);
  };
}
