import pino, { type DestinationStream, type Logger } from 'pino';

/**
 * Structured JSON logs. Whatever a log line carries, these never leave the
 * process: passwords, tokens, authorization headers and cookies, secrets,
 * connection strings (they hold a password), participant codes, and the
 * parameters of a failed SQL statement (a TypeORM QueryFailedError carries
 * them: password hashes, token hashes, participant codes).
 */
export const REDACTED_PATHS = [
  'password',
  '*.password',
  'token',
  '*.token',
  'accessToken',
  '*.accessToken',
  'refreshToken',
  '*.refreshToken',
  'authorization',
  '*.authorization',
  'headers.authorization',
  'headers.cookie',
  'req.headers.authorization',
  'req.headers.cookie',
  'variables.password',
  'variables.refreshToken',
  'secret',
  '*.secret',
  'jwtSecret',
  '*.jwtSecret',
  'databaseUrl',
  '*.databaseUrl',
  'connectionString',
  '*.connectionString',
  'participantCode',
  '*.participantCode',
  'participantCodes',
  '*.participantCodes',
  'parameters',
  '*.parameters',
  'err.driverError.parameters',
  // PostgreSQL's detail repeats the values of a violated key ("Key (code)=(…) already exists").
  'err.detail',
  'err.driverError.detail',
];

export const REDACTED = '[скрыто]';

export interface LoggerOptions {
  level?: string;
  /** Where lines go; standard output by default. Tests pass a stream they read. */
  destination?: DestinationStream;
}

/**
 * pino's ISO time, formatted once per millisecond: a busy replica writes several access lines in
 * one, and formatting the date was a visible share of each.
 */
function isoTimeOncePerMs(): () => string {
  let at = Number.NaN;
  let text = '';
  return () => {
    const now = Date.now();
    if (now !== at) {
      at = now;
      text = `,"time":"${new Date(now).toISOString()}"`;
    }
    return text;
  };
}

export function createLogger(options: LoggerOptions = {}): Logger {
  return pino(
    {
      level: options.level ?? 'info',
      base: { service: 'tomsk-edu-hub' },
      redact: { paths: REDACTED_PATHS, censor: REDACTED },
      timestamp: isoTimeOncePerMs(),
      serializers: { err: pino.stdSerializers.err },
    },
    options.destination,
  );
}

export type { Logger };
