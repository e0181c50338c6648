import { GraphQLError, type OperationDefinitionNode } from 'graphql';
import type { Actor } from './actor';

/** The only operations an anonymous caller may run. */
const OPEN_FIELDS = new Set(['login', 'refreshToken']);

export function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
}

/**
 * Anonymous callers get nothing but `login` and `refreshToken` — not even
 * introspection. Checked on the operation's root fields before execution.
 */
export function assertMayRun(actor: Actor, operation: OperationDefinitionNode): void {
  if (actor.role !== null) return;
  const open = operation.selectionSet.selections.every(
    (s) => s.kind === 'Field' && (OPEN_FIELDS.has(s.name.value) || s.name.value === '__typename'),
  );
  if (!open || operation.operation !== 'mutation') {
    throw unauthenticated('Требуется вход: выполните login и передайте токен в заголовке Authorization: Bearer …');
  }
}
