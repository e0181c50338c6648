import { createClient, type Client as WsClient } from 'graphql-ws';
import WebSocket from 'ws';

export interface GqlResult<T = Record<string, any>> {
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

export interface Subscription<T = Record<string, any>> {
  /** The next message (waits up to `timeoutMs`). */
  next(timeoutMs?: number): Promise<GqlResult<T>>;
  /** Messages received and not yet taken with `next`. */
  pending(): number;
  /** Resolves when the server ends the subscription or the socket closes. */
  ended: Promise<void>;
  close(): Promise<void>;
}

/** A GraphQL caller over HTTP and graphql-ws, signed in with `token` (or anonymous). */
export class GraphqlClient {
  private readonly sockets: WsClient[] = [];

  constructor(
    readonly endpoint: string,
    readonly token: string | null,
  ) {}

  get headers(): Record<string, string> {
    return this.token ? { authorization: `Bearer ${this.token}` } : {};
  }

  async gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<GqlResult<T>> {
    const response = await fetch(this.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...this.headers },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GqlResult<T>;
  }

  /** Like `gql`, but fails the test on any GraphQL error. */
  async gqlOk<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<T> {
    const result = await this.gql<T>(query, variables);
    if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
    return result.data as T;
  }

  subscribe<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Subscription<T> {
    const client = createClient({
      url: this.endpoint.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      connectionParams: this.token ? { authorization: `Bearer ${this.token}` } : {},
    });
    this.sockets.push(client);
    const received: GqlResult<T>[] = [];
    const waiters: ((r: GqlResult<T>) => void)[] = [];
    const push = (message: GqlResult<T>) => {
      const waiter = waiters.shift();
      if (waiter) waiter(message);
      else received.push(message);
    };
    let end: () => void = () => undefined;
    const ended = new Promise<void>((resolve) => (end = resolve));
    const dispose = client.subscribe<T>(
      { query, variables },
      {
        next: (message) => push(message as GqlResult<T>),
        error: (error) => {
          const message =
            error instanceof Error
              ? error.message
              : Array.isArray(error)
                ? error.map((e) => e.message).join('; ')
                : `socket closed (${(error as { code?: number }).code ?? '?'})`;
          push({ errors: [{ message }] });
          end();
        },
        complete: () => end(),
      },
    );
    return {
      next(timeoutMs = 5000) {
        const ready = received.shift();
        if (ready) return Promise.resolve(ready);
        return new Promise((resolve, reject) => {
          const timer = setTimeout(
            () => reject(new Error(`No subscription message within ${timeoutMs} ms`)),
            timeoutMs,
          );
          waiters.push((message) => {
            clearTimeout(timer);
            resolve(message);
          });
        });
      },
      pending: () => received.length,
      ended,
      async close() {
        dispose();
        await client.dispose();
      },
    };
  }

  async close(): Promise<void> {
    await Promise.all(this.sockets.map((c) => c.dispose()));
  }
}
