import type { ApolloServerPlugin } from '@apollo/server';
import type { HubContext } from '../graphql/context';
import { errorCode, unexpectedError } from '../graphql/errors';
import type { Logger } from './logger';
import type { HubMetrics } from './metrics';

export interface ObservedOperation {
  name: string | undefined;
  type: string;
}

/**
 * Request metrics and error logs for GraphQL over HTTP, at the request's
 * edges only: a few hooks per request, nothing per field, so the hot list
 * fields (300 schools × four domains) pay nothing for it.
 */
export function observabilityPlugin(
  metrics: HubMetrics,
  logger: Logger,
  /** Tells the HTTP layer the operation's name, for its request log line. */
  onOperation?: (context: HubContext, operation: ObservedOperation) => void,
): ApolloServerPlugin<HubContext> {
  return {
    // Refused before any operation ran: no token, an ended session, the rate limit.
    async contextCreationDidFail({ error }) {
      metrics.errors.inc({ code: errorCode(error) });
      const unexpected = unexpectedError(error);
      if (unexpected) logger.error({ err: unexpected }, 'request context failed');
    },
    async requestDidStart({ contextValue }) {
      const started = performance.now();
      let operation: ObservedOperation = { name: undefined, type: 'unknown' };
      return {
        async didResolveOperation({ operationName, operation: definition }) {
          operation = { name: operationName ?? undefined, type: definition?.operation ?? 'unknown' };
          onOperation?.(contextValue, operation);
        },
        async didEncounterErrors({ errors }) {
          for (const error of errors) {
            metrics.errors.inc({ code: errorCode(error) });
            const unexpected = unexpectedError(error);
            if (unexpected) {
              logger.error(
                {
                  err: unexpected,
                  reqId: contextValue.request?.requestId,
                  userId: contextValue.actor?.userId ?? undefined,
                  operation: operation.name,
                  path: error.path?.join('.'),
                },
                'unexpected error in a GraphQL request',
              );
            }
          }
        },
        async willSendResponse() {
          metrics.requestDuration.observe(
            { operation: metrics.operationLabel(operation.name), type: operation.type },
            (performance.now() - started) / 1000,
          );
        },
      };
    },
  };
}
