import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../harness/hub';

let hub: TestHub | undefined;
let locker: pg.Client | undefined;
afterEach(async () => {
  await locker?.end().catch(() => undefined);
  await hub?.close();
  hub = locker = undefined;
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * A request that stays in flight until the test lets it go: another
 * transaction holds a lock on `municipality`, which the query reads.
 */
async function holdMunicipalities(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('BEGIN');
  await client.query('LOCK TABLE municipality IN ACCESS EXCLUSIVE MODE');
  return client;
}

async function waitUntilBlocked(test: TestHub): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const [row] = await test.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity
        WHERE datname = current_database() AND wait_event_type = 'Lock' AND application_name = 'tomsk-edu-hub'`,
    );
    if (row!.n > 0) return;
    await sleep(50);
  }
  throw new Error('the request never waited on the lock');
}

describe('graceful shutdown', () => {
  it('closes sockets with 1012 at once, refuses new connections, and lets the request in flight finish', async () => {
    hub = await startTestHub({ server: { shutdownTimeoutMs: 10_000 } });
    const test = hub;
    const live = test.subscribe(
      'subscription { aggregateUpdated(indicator: "schools.count", groupBy: REGION) { rows { key value } } }',
    );
    expect((await live.next()).data).toBeTruthy();

    locker = await holdMunicipalities(test.databaseUrl);
    const inFlight = test.gql<{ municipalities: { code: string }[] }>('query Slow { municipalities { code } }');
    await waitUntilBlocked(test);

    const started = Date.now();
    let closed = false;
    const closing = test.hub.close().then(() => (closed = true));

    // The subscriber is told to reconnect elsewhere, while the request here is still running.
    const ended = await live.next(2000);
    expect(ended.errors?.[0]?.message).toBe('socket closed (1012)');
    expect(Date.now() - started).toBeLessThan(2000);
    await expect(fetch(`${test.url}healthz`)).rejects.toThrow();
    expect(closed).toBe(false);

    await sleep(300);
    await locker.query('COMMIT');
    const answer = await inFlight;
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.municipalities).toHaveLength(20);
    await closing;
    expect(test.hub.feed.connected).toBe(false);
    expect(test.hub.dataSource.isInitialized).toBe(false);
  });

  it('cuts off a request still running at the deadline, and finishes within HUB_SHUTDOWN_TIMEOUT_MS', async () => {
    hub = await startTestHub({ server: { shutdownTimeoutMs: 3000 } });
    const test = hub;
    locker = await holdMunicipalities(test.databaseUrl);
    const inFlight = test.gql('{ municipalities { code } }').catch((error: Error) => error);
    await waitUntilBlocked(test);

    const started = Date.now();
    await test.hub.close();
    const took = Date.now() - started;
    // 3 s in all: 2 s for requests, the rest for the pool and the change feed.
    expect(took).toBeGreaterThanOrEqual(1900);
    expect(took).toBeLessThan(3000);
    expect(await inFlight).toBeInstanceOf(Error);
  });
});
