import autocannon from 'autocannon';

export interface LoadResult {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  total: number;
}

/**
 * `connections` concurrent HTTP clients for `seconds`, each posting `bodies` in turn. Requests are
 * signed by the users of `tokens` in turn — client c's j-th request by user (c + j·connections) —
 * so that with twice as many users as clients no user is near the per-user rate limit: the run
 * measures the server, not its limiter. Any non-2xx answer, error or timeout fails the run
 * rather than flattering it.
 */
export async function load(options: {
  url: string;
  connections: number;
  seconds: number;
  bodies: readonly string[];
  tokens?: readonly string[];
}): Promise<LoadResult> {
  const { connections, tokens } = options;
  const perClient = tokens ? Math.max(1, Math.ceil(tokens.length / connections)) : 1;
  const requests = (client: number) =>
    Array.from({ length: perClient }, (_, round) => {
      const token = tokens?.[(client + round * connections) % tokens.length];
      return options.bodies.map((body) => ({
        method: 'POST' as const,
        body,
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      }));
    }).flat();
  let client = 0;
  const result = await autocannon({
    url: options.url,
    connections,
    duration: options.seconds,
    requests: requests(0),
    setupClient: (c: { setRequests(r: unknown[]): void }) => c.setRequests(requests(client++)),
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
