import {
  GraphQLError,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import {
  fieldExtensionsEstimator,
  getComplexity,
  simpleEstimator,
  type ComplexityEstimator,
} from 'graphql-query-complexity';
import { HubError } from './errors';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './pagination';

export const MAX_QUERY_DEPTH = 10;

export const LimitErrorCode = {
  QUERY_TOO_DEEP: 'QUERY_TOO_DEEP',
  QUERY_TOO_COMPLEX: 'QUERY_TOO_COMPLEX',
} as const;

/**
 * The depth of a selection: `{ schools { edges { node { code } } } }` is 4.
 * Introspection fields (`__schema`, `__type`) do not count: the standard
 * introspection query nests `ofType` deeper than any data query needs. A
 * fragment's depth is computed once, so fragments spread many times cost nothing extra.
 */
export function selectionDepth(
  selectionSet: SelectionSetNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  memo: Map<string, number> = new Map(),
): number {
  let deepest = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value.startsWith('__')) continue;
      const below = selection.selectionSet ? selectionDepth(selection.selectionSet, fragments, memo) : 0;
      deepest = Math.max(deepest, 1 + below);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      deepest = Math.max(deepest, selectionDepth(selection.selectionSet, fragments, memo));
    } else {
      const name = selection.name.value;
      const fragment = fragments.get(name);
      // An unknown or cyclic fragment is reported by GraphQL's own rules; 0 while in progress breaks cycles.
      if (!fragment) continue;
      let depth = memo.get(name);
      if (depth === undefined) {
        memo.set(name, 0);
        depth = selectionDepth(fragment.selectionSet, fragments, memo);
        memo.set(name, depth);
      }
      deepest = Math.max(deepest, depth);
    }
  }
  return deepest;
}

/** A validation rule refusing operations nested deeper than `maxDepth` fields, with QUERY_TOO_DEEP. */
export function depthLimitRule(maxDepth: number = MAX_QUERY_DEPTH): ValidationRule {
  return (context: ValidationContext) => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const definition of context.getDocument().definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    }
    return {
      OperationDefinition(operation) {
        const depth = selectionDepth(operation.selectionSet, fragments);
        if (depth > maxDepth) {
          const name = operation.name ? ` «${operation.name.value}»` : '';
          context.reportError(
            new HubError(
              LimitErrorCode.QUERY_TOO_DEEP,
              `Запрос${name} слишком глубокий: вложенность ${depth} при допустимой ${maxDepth}. ` +
                'Запросите вложенные данные отдельным запросом.',
              { depth, maxDepth, http: { status: 400 } },
            ),
          );
        }
        return false;
      },
    };
  };
}

export { DEFAULT_MAX_QUERY_COMPLEXITY } from '../config';

function pageRows(first: unknown): number {
  if (typeof first !== 'number' || !Number.isFinite(first)) return DEFAULT_PAGE_SIZE;
  return Math.min(Math.max(Math.trunc(first), 0), MAX_PAGE_SIZE);
}

/** A connection (`first`, `after`): its page size times what one row costs. */
export const pageComplexity: ComplexityEstimator = ({ args, childComplexity }) =>
  1 + pageRows(args.first) * childComplexity;

/** A list without paging, of about `rows` items in practice. */
export function listComplexity(rows: number): ComplexityEstimator {
  return ({ childComplexity }) => 1 + rows * childComplexity;
}

const estimators = [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })];

/** Selections visited at most while estimating; more is refused as too complex (fragment bombs). */
const MAX_QUERY_NODES = 10_000;

/**
 * The estimated cost of the operation: Infinity when it has too many
 * selections to even estimate; null when its variables do not coerce
 * (execution refuses it before any resolver runs). Anything else is a fault
 * of ours and is thrown: the budget is never silently skipped.
 */
export function operationComplexity(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName: string | null | undefined,
): number | null {
  try {
    return getComplexity({
      schema,
      query: document,
      variables,
      operationName: operationName ?? undefined,
      estimators,
      maxQueryNodes: MAX_QUERY_NODES,
    });
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    return /maximum allowed number of nodes/.test(error.message) ? Infinity : null;
  }
}

/** Refuses an operation over the budget with QUERY_TOO_COMPLEX, naming its cost and the limit. */
export function assertWithinComplexity(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName: string | null | undefined,
  maxComplexity: number,
): void {
  const complexity = operationComplexity(schema, document, variables, operationName);
  if (complexity === null || complexity <= maxComplexity) return;
  const n = (value: number) => value.toLocaleString('ru-RU');
  const cost = Number.isFinite(complexity) ? `оценка ${n(complexity)}` : `больше ${n(MAX_QUERY_NODES)} полей`;
  throw new HubError(
    LimitErrorCode.QUERY_TOO_COMPLEX,
    `Запрос слишком сложный: ${cost} при пределе ${n(maxComplexity)}. ` +
      'Уменьшите first, уберите вложенные списки или разбейте запрос на несколько.',
    { complexity: Number.isFinite(complexity) ? complexity : null, maxComplexity, http: { status: 400 } },
  );
}
