import { GraphQLError, type GraphQLFormattedError } from 'graphql';

/**
 * An error a person can act on. Each module defines its codes in its
 * `<module>.errors.ts`; this class is the one mapping of them to GraphQL
 * `extensions.code`. Messages are Russian: people read them.
 */
export class HubError extends GraphQLError {
  constructor(
    readonly code: string,
    message: string,
    details: Record<string, unknown> = {},
  ) {
    super(message, { extensions: { code, ...details } });
    this.name = 'HubError';
  }
}

/** Codes shared by every module. */
export const CommonErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  INTERNAL: 'INTERNAL_SERVER_ERROR',
  /** A statement ran past the request's statement_timeout and PostgreSQL cancelled it. */
  STATEMENT_TIMEOUT: 'STATEMENT_TIMEOUT',
} as const;

const INTERNAL_MESSAGE =
  'Внутренняя ошибка сервера. Запрос не выполнен; попробуйте ещё раз или сообщите администратору.';

/** PostgreSQL's query_canceled: what statement_timeout raises. */
const QUERY_CANCELED = '57014';

function sqlState(error: unknown): string | undefined {
  const e = error as { code?: unknown; driverError?: { code?: unknown } } | null;
  const code = e?.driverError?.code ?? e?.code;
  return typeof code === 'string' ? code : undefined;
}

export interface FormatOptions {
  /** The requests' statement_timeout, to name it when a statement runs past it. */
  statementTimeoutMs?: number;
}

/** The error a GraphQL error wraps, when it wraps one (a resolver's throw). */
function originalOf(error: unknown): unknown {
  return error instanceof GraphQLError ? (error.originalError ?? error) : error;
}

/** The `extensions.code` an error leaves with: what clients see, and what the error metrics count. */
export function errorCode(error: unknown): string {
  const original = originalOf(error);
  if (original instanceof HubError) return original.code;
  if (sqlState(original) === QUERY_CANCELED) return CommonErrorCode.STATEMENT_TIMEOUT;
  const code = error instanceof GraphQLError ? error.extensions?.code : undefined;
  return typeof code === 'string' ? code : CommonErrorCode.INTERNAL;
}

/** A failure nobody planned for (a bug, a lost connection): worth a log line with its stack, never shown to clients. */
export function unexpectedError(error: unknown): Error | null {
  const original = originalOf(error);
  if (original instanceof GraphQLError || errorCode(error) !== CommonErrorCode.INTERNAL) return null;
  return original instanceof Error ? original : new Error(String(original));
}

/**
 * What leaves the server: HubErrors and GraphQL's own validation errors as
 * they are, a cancelled slow statement as STATEMENT_TIMEOUT, anything else as
 * a generic internal error with no stack or SQL. Logging the unexpected ones
 * (`unexpectedError`) is the transport's: it knows the request.
 */
export function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
  options: FormatOptions = {},
): GraphQLFormattedError {
  const original = originalOf(error);
  if (original instanceof HubError) {
    // `http` sets the response status; it is not for clients to read.
    const { http: _http, ...extensions } = original.extensions;
    return { ...formatted, message: original.message, extensions };
  }
  if (sqlState(original) === QUERY_CANCELED) {
    const limit = options.statementTimeoutMs ? ` (${options.statementTimeoutMs} мс)` : '';
    return {
      message:
        `Запрос к базе данных выполнялся дольше допустимого${limit} и был прерван. ` +
        'Сузьте фильтры или запросите меньше данных за раз.',
      path: formatted.path,
      extensions: {
        code: CommonErrorCode.STATEMENT_TIMEOUT,
        ...(options.statementTimeoutMs && { timeoutMs: options.statementTimeoutMs }),
      },
    };
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && code !== CommonErrorCode.INTERNAL) {
    return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions: { code } };
  }
  return { message: INTERNAL_MESSAGE, path: formatted.path, extensions: { code: CommonErrorCode.INTERNAL } };
}

/** One broken rule of an input, naming the field (or file column) it concerns. */
export interface FieldProblem {
  field: string;
  message: string;
}

/**
 * Input that breaks the domain's rules. Validators are pure functions that
 * return `FieldProblem[]`, so a mutation reports them all at once here and an
 * import reports the same problems per line and column.
 */
export class InputError extends HubError {
  constructor(
    code: string,
    readonly problems: FieldProblem[],
  ) {
    super(code, problems.map((p) => p.message).join('; '), { problems });
  }
}
