import 'reflect-metadata';
import {
  buildSchema,
  Kind,
  parse,
  specifiedRules,
  validate,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { depthLimitRule, operationComplexity, selectionDepth } from './query-limits';

const depthOf = (query: string) => {
  const document = parse(query);
  const fragments = new Map(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((f) => [f.name.value, f]),
  );
  const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION) as OperationDefinitionNode;
  return selectionDepth(operation.selectionSet, fragments);
};

const schema = buildSchema(`
  type Query { a: A, list(first: Int): [A!]! }
  type A { b: A, name: String }
`);

describe('selectionDepth', () => {
  it('counts fields, not fragments; ignores introspection', () => {
    expect(depthOf('{ a { name } }')).toBe(2);
    expect(depthOf('{ a { b { b { name } } } __typename }')).toBe(4);
    expect(depthOf('{ a { ... on A { b { name } } } }')).toBe(3);
    expect(depthOf('{ a { ...F } } fragment F on A { b { b { name } } }')).toBe(4);
    expect(depthOf('{ __schema { types { fields { type { ofType { ofType { name } } } } } } a { name } }')).toBe(2);
  });

  it('survives a cyclic fragment (GraphQL’s own rule reports it)', () => {
    expect(depthOf('{ a { ...F } } fragment F on A { b { ...F } }')).toBe(2);
  });
});

describe('depthLimitRule', () => {
  it('reports QUERY_TOO_DEEP just past the limit, not at it', () => {
    const check = (query: string) => validate(schema, parse(query), [...specifiedRules, depthLimitRule(3)]);
    expect(check('{ a { b { name } } }')).toEqual([]);
    const [error] = check('{ a { b { b { name } } } }');
    expect(error?.extensions).toMatchObject({ code: 'QUERY_TOO_DEEP', depth: 4, maxDepth: 3 });
  });
});

describe('operationComplexity', () => {
  it('counts fields; unannotated lists count once (annotations multiply)', () => {
    expect(operationComplexity(schema, parse('{ a { name b { name } } }'), undefined, null)).toBe(4);
    expect(operationComplexity(schema, parse('{ list(first: 10) { name } }'), undefined, null)).toBe(2);
  });

  it('gives null when the variables do not coerce, and never skips a fault silently', () => {
    const query = parse('query ($n: Int!) { list(first: $n) { name } }');
    expect(operationComplexity(schema, query, { n: 'many' }, null)).toBeNull();
    expect(() => operationComplexity({} as never, query, { n: 1 }, null)).toThrow();
  });
});
