import pino, { type Logger } from 'pino';

/**
 * Structured JSON logs. Whatever a log line carries, these never leave the
 * process: passwords, tokens, authorization headers, participant codes.
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
  'req.headers.authorization',
  'variables.password',
  'variables.refreshToken',
  'participantCode',
  '*.participantCode',
  'participantCodes',
  '*.participantCodes',
];

export function createLogger(options: { level?: string; destination?: pino.DestinationStream } = {}): Logger {
  return pino(
    {
      level: options.level ?? process.env.LOG_LEVEL ?? 'info',
      base: { service: 'tomsk-edu-hub' },
      redact: { paths: REDACTED_PATHS, censor: '[скрыто]' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    options.destination,
  );
}

export type { Logger };
