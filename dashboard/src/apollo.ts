import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { OperationTypeNode } from 'graphql';
import { createClient } from 'graphql-ws';

const httpUrl = new URL('/graphql', window.location.href).toString();
const wsUrl = httpUrl.replace(/^http/, 'ws');

/** Queries over HTTP, subscriptions over graphql-ws on the same path. */
export const apollo = new ApolloClient({
  link: ApolloLink.split(
    ({ operationType }) => operationType === OperationTypeNode.SUBSCRIPTION,
    new GraphQLWsLink(createClient({ url: wsUrl, lazy: true, retryAttempts: Infinity })),
    new HttpLink({ uri: httpUrl }),
  ),
  cache: new InMemoryCache({
    typePolicies: {
      Municipality: { keyFields: ['code'] },
      School: { keyFields: ['code'] },
      Cluster: { keyFields: ['code'] },
    },
  }),
});
