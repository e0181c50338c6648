import { ArgsType, Field, Int, ObjectType } from 'type-graphql';
import { CommonErrorCode, HubError } from './errors';

export const MAX_PAGE_SIZE = 500;
export const DEFAULT_PAGE_SIZE = 100;

export const PaginationErrorCode = {
  PAGE_TOO_LARGE: 'PAGE_TOO_LARGE',
  BAD_CURSOR: 'BAD_CURSOR',
} as const;

@ArgsType()
export class PageArgs {
  @Field(() => Int, {
    nullable: true,
    description: `Page size, ${DEFAULT_PAGE_SIZE} by default, at most ${MAX_PAGE_SIZE}`,
  })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'The `endCursor` of the previous page' })
  after?: string | null;
}

@ObjectType()
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage: boolean;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

/** A validated page request: `after` is the decoded sort key. */
export interface Page {
  first: number;
  after: string | null;
}

export function pageSize(first: number | null | undefined): number {
  if (first === null || first === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0) {
    throw new HubError(CommonErrorCode.BAD_USER_INPUT, `Размер страницы first должен быть от 0 до ${MAX_PAGE_SIZE}`);
  }
  if (first > MAX_PAGE_SIZE) {
    throw new HubError(
      PaginationErrorCode.PAGE_TOO_LARGE,
      `Запрошено ${first} записей, а за один запрос можно получить не больше ${MAX_PAGE_SIZE}. ` +
        'Уменьшите first и листайте дальше с after.',
      { maxPageSize: MAX_PAGE_SIZE },
    );
  }
  return first;
}

const CURSOR_PREFIX = 'k:';

/** Cursors are opaque to clients; inside they carry the sort key, so pages stay stable. */
export function encodeCursor(key: string): string {
  return Buffer.from(CURSOR_PREFIX + key, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string | null | undefined): string | null {
  if (cursor === null || cursor === undefined || cursor === '') return null;
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!text.startsWith(CURSOR_PREFIX)) {
    throw new HubError(
      PaginationErrorCode.BAD_CURSOR,
      'Курсор after не распознан: передайте endCursor из предыдущей страницы',
    );
  }
  return text.slice(CURSOR_PREFIX.length);
}

export function parsePage(args: PageArgs): Page {
  return { first: pageSize(args.first), after: decodeCursor(args.after) };
}

/** Turns `first + 1` fetched rows into a page: the extra row only says that more exist. */
export function toConnection<T>(rows: T[], page: Page, keyOf: (row: T) => string) {
  const nodes = rows.slice(0, page.first);
  const edges = nodes.map((node) => ({ cursor: encodeCursor(keyOf(node)), node }));
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > page.first, endCursor: edges.at(-1)?.cursor ?? null },
  };
}
