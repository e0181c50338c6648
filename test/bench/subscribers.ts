import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

/** What one subscriber received: the time (performance.now()) and the data of each message. */
export interface Subscriber {
  messages: { t: number; data: any }[];
  client: Client;
}

/** Sockets one user may hold open per server process (the server's limit is 20). */
export const SOCKETS_PER_USER = 20;

/**
 * `count` graphql-ws subscribers of `query`, each on a socket of its own, spread round-robin
 * over `endpoints`; subscriber i signs in as a user chosen so that no user holds more than
 * SOCKETS_PER_USER sockets on one server. Resolves once every one has its first message.
 */
export async function openSubscribers(options: {
  endpoints: readonly string[];
  tokens: readonly string[];
  count: number;
  query: string;
  timeoutMs?: number;
}): Promise<Subscriber[]> {
  const { endpoints, tokens, count } = options;
  const perServer = Math.ceil(count / endpoints.length);
  if (tokens.length * SOCKETS_PER_USER < perServer) {
    throw new Error(`${count} subscribers need ${Math.ceil(perServer / SOCKETS_PER_USER)} users, got ${tokens.length}`);
  }
  const subscribers: Subscriber[] = [];
  const first: Promise<void>[] = [];
  for (let i = 0; i < count; i++) {
    const endpoint = endpoints[i % endpoints.length]!;
    const token = tokens[Math.floor(i / endpoints.length) % tokens.length]!;
    const client = createClient({
      url: endpoint.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      lazy: false,
      connectionParams: { authorization: `Bearer ${token}` },
    });
    const subscriber: Subscriber = { messages: [], client };
    subscribers.push(subscriber);
    first.push(
      new Promise<void>((resolve, reject) => {
        client.subscribe(
          { query: options.query },
          {
            next: (message) => {
              if (message.errors) return reject(new Error(JSON.stringify(message.errors)));
              subscriber.messages.push({ t: performance.now(), data: message.data });
              resolve();
            },
            error: (error) => reject(error instanceof Error ? error : new Error(JSON.stringify(error))),
            complete: () => undefined,
          },
        );
      }),
    );
  }
  const timeout = options.timeoutMs ?? 120_000;
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      Promise.all(first),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`Subscribers not ready in ${timeout} ms`)), timeout);
      }),
    ]);
  } catch (error) {
    await closeSubscribers(subscribers);
    throw error;
  } finally {
    clearTimeout(timer);
  }
  return subscribers;
}

export async function closeSubscribers(subscribers: readonly Subscriber[]): Promise<void> {
  await Promise.all(subscribers.map((s) => s.client.dispose()));
}
