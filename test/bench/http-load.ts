import autocannon from 'autocannon';

export interface LoadResult {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  total: number;
}

/**
 * `connections` concurrent HTTP clients for `seconds`, each posting `bodies` in turn; client i
 * signs its requests with `tokens[i % tokens.length]` (limits are per user, as for real people).
 * Any non-2xx answer, error or timeout fails the run rather than flattering it.
 */
export async function load(options: {
  url: string;
  connections: number;
  seconds: number;
  bodies: readonly string[];
  tokens?: readonly string[];
}): Promise<LoadResult> {
  let client = 0;
  const requests = (token: string | undefined) =>
    options.bodies.map((body) => ({
      method: 'POST' as const,
      body,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    }));
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.seconds,
    requests: requests(options.tokens?.[0]),
    setupClient: (c: { setRequests(r: unknown[]): void }) => {
      const token = options.tokens?.[client++ % options.tokens.length];
      c.setRequests(requests(token));
    },
  });
  const failed = result.non2xx + result.errors + result.timeouts;
  if (failed > 0) {
    throw new Error(
      `${options.url}: ${result.non2xx} non-2xx answers, ${result.errors} errors, ${result.timeouts} timeouts ` +
        `of ${result.requests.total} requests`,
    );
  }
  return {
    requestsPerSecond: result.requests.total / options.seconds,
    p50: result.latency.p50,
    p99: result.latency.p99,
    total: result.requests.total,
  };
}

/** One request at a time, its wall time in ms; fails on any GraphQL error. */
export async function timedPost(url: string, body: string, token?: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body,
  });
  const text = await response.text();
  const elapsed = performance.now() - started;
  if (!response.ok || text.includes('"errors"')) throw new Error(`${url}: ${response.status} ${text.slice(0, 500)}`);
  return elapsed;
}
