import type { BenchContext } from './context';
import { signIn } from './database';
import { timedPost } from './http-load';
import { startServer } from './processes';
import type { Figure } from './report';
import { closeSubscribers, openSubscribers } from './subscribers';
import { median, sleep } from './stats';

const QUERY = `subscription { aggregateUpdated(indicator: "assessment.share_2", groupBy: MUNICIPALITY) { version rows { key value } } }`;

/** Resident memory sampled `runs` times, half a second apart. */
async function sampleRss(rss: () => number, runs: number): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    await sleep(500);
    samples.push(rss());
  }
  return samples;
}

/**
 * Memory: a server process of its own, its resident memory (VmRSS) idle — started, signed in,
 * one request answered — and with every subscriber connected to it and answered.
 */
export async function memoryBenchmark(ctx: BenchContext): Promise<Figure[]> {
  const server = await startServer(ctx.databaseUrl);
  try {
    const tokens = (await Promise.all(ctx.accounts.map((a) => signIn(server.endpoint, a)))).map((t) => t.accessToken);
    await timedPost(server.endpoint, JSON.stringify({ query: '{ schools(first: 50) { totalCount } }' }), tokens[0]);
    await sleep(1000);
    const idle = await sampleRss(server.rssMb, ctx.config.runs);
    const count = ctx.config.subscribers;
    const subscribers = await openSubscribers({ endpoints: [server.endpoint], tokens, count, query: QUERY });
    let busy: number[];
    try {
      await sleep(1000);
      busy = await sampleRss(server.rssMb, ctx.config.runs);
    } finally {
      await closeSubscribers(subscribers);
    }
    return [
      {
        benchmark: 'memory',
        id: 'memory.idle_rss_mb',
        title: 'Memory: server RSS idle',
        value: median(idle),
        unit: 'MB',
        target: { op: '<=', value: 300 },
        note: 'VmRSS of a started server after sign-ins and one request',
        runs: idle,
      },
      {
        benchmark: 'memory',
        id: 'memory.subscribers_rss_mb',
        title: `Memory: server RSS with ${count} subscribers`,
        value: median(busy),
        unit: 'MB',
        target: { op: '<=', value: 300 },
        note: `VmRSS with ${count} graphql-ws sockets, each with an aggregateUpdated subscription answered`,
        runs: busy,
      },
    ];
  } finally {
    await server.stop();
  }
}
