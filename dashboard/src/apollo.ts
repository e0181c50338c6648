import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';
import { ErrorLink } from '@apollo/client/link/error';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { OperationTypeNode } from 'graphql';
import { createClient } from 'graphql-ws';
import { Observable } from 'rxjs';
import { router } from './router';
import { accessToken, refreshAccessToken } from './features/auth/tokens';
import { clearSession } from './features/auth/session';

const httpUrl = new URL('/graphql', window.location.href).toString();
const wsUrl = httpUrl.replace(/^http/, 'ws');

/** Live connection state for the badge: live / reconnecting / offline. */
export const wsClient = createClient({
  url: wsUrl,
  lazy: true,
  retryAttempts: Infinity,
  connectionParams: async () => {
    const token = await accessToken();
    return token ? { authorization: `Bearer ${token}` } : {};
  },
});

const withToken = new SetContextLink(async (prevContext) => {
  const token = await accessToken();
  return { headers: { ...prevContext.headers, ...(token ? { authorization: `Bearer ${token}` } : {}) } };
});

/** An expired session: refresh once and retry; if that fails, back to the sign-in page. */
const onUnauthenticated = new ErrorLink(({ error, operation, forward }) => {
  const unauthenticated =
    CombinedGraphQLErrors.is(error) && error.errors.some((e) => e.extensions?.code === 'UNAUTHENTICATED');
  if (!unauthenticated) return;
  return new Observable((observer) => {
    void refreshAccessToken().then((token) => {
      if (!token) {
        clearSession();
        void router.push({ name: 'login', query: { next: router.currentRoute.value.fullPath } });
        observer.error(error);
        return;
      }
      operation.setContext(({ headers }: { headers?: Record<string, string> }) => ({
        headers: { ...headers, authorization: `Bearer ${token}` },
      }));
      forward(operation).subscribe(observer);
    });
  });
});

/** Queries over HTTP, subscriptions over graphql-ws on the same path. */
export const apollo = new ApolloClient({
  link: ApolloLink.split(
    ({ operationType }) => operationType === OperationTypeNode.SUBSCRIPTION,
    new GraphQLWsLink(wsClient),
    ApolloLink.from([onUnauthenticated, withToken, new HttpLink({ uri: httpUrl })]),
  ),
  cache: new InMemoryCache({
    typePolicies: {
      Municipality: { keyFields: ['code'] },
      School: { keyFields: ['code'] },
      Cluster: { keyFields: ['code'] },
    },
  }),
});
