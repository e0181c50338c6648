import { spawn } from 'node:child_process';
import path from 'node:path';
import type { BenchContext } from './context';
import { signIn } from './database';
import { load, timedPost } from './http-load';
import { freePort, type ServerProcess } from './processes';
import type { Figure } from './report';
import { median } from './stats';

const OURS = `{ schools(first: 50) { edges { node { code fullName municipality { name } cluster { code } } } } }`;
/** The same page in PostGraphile's naming: schools by code, with their municipality and cluster. */
const PEER = `{ allSchools(first: 50, orderBy: CODE_ASC) { edges { node { code fullName
  municipalityByMunicipalityCode { name } clusterByClusterCode { code } } } } }`;

/** PostGraphile 4 on a free port, over the same database. */
async function startPeer(databaseUrl: string): Promise<{ endpoint: string; stop(): Promise<void> }> {
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(__dirname, 'peer', 'postgraphile.mjs')], {
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`PostGraphile did not start:\n${output}`)), 60_000);
    child.stdout.on('data', (c) => {
      output += c;
      if (output.includes('PostGraphile ready')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.stderr.on('data', (c) => (output += c));
    child.once('exit', (code) => reject(new Error(`PostGraphile exited (${code}):\n${output}`)));
  });
  return {
    endpoint: `http://127.0.0.1:${port}/graphql`,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** Both answer the same 50 schools with the same fields: checked before anything is timed. */
async function sameAnswer(server: ServerProcess, token: string, peer: string): Promise<void> {
  const ours = await fetch(server.endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: OURS }),
  }).then((r) => r.json() as Promise<any>);
  const theirs = await fetch(peer, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: PEER }),
  }).then((r) => r.json() as Promise<any>);
  const a = ours.data?.schools.edges.map((e: any) => [
    e.node.code,
    e.node.fullName,
    e.node.municipality.name,
    e.node.cluster?.code ?? null,
  ]);
  const b = theirs.data?.allSchools.edges.map((e: any) => [
    e.node.code,
    e.node.fullName,
    e.node.municipalityByMunicipalityCode.name,
    e.node.clusterByClusterCode?.code ?? null,
  ]);
  if (!a || !b || JSON.stringify(a) !== JSON.stringify(b)) {
    throw new Error(
      `The two servers answer differently:\n${JSON.stringify(ours).slice(0, 500)}\n${JSON.stringify(theirs).slice(0, 500)}`,
    );
  }
}

/**
 * Throughput against a peer: the same page of schools from our server (signed in, one user per
 * connection) and from PostGraphile 4 (as `hub_app` with the region admin's scope), at the same
 * concurrency, alternated run by run (A/B/A/B…) so that both see the same machine.
 */
export async function throughputBenchmark(ctx: BenchContext): Promise<Figure[]> {
  const [server] = await ctx.servers();
  const connections = ctx.config.connections;
  const tokens = (await Promise.all(ctx.accounts.slice(0, -1).map((a) => signIn(server.endpoint, a)))).map(
    (t) => t.accessToken,
  );
  const peer = await startPeer(ctx.databaseUrl);
  try {
    await sameAnswer(server, tokens[0]!, peer.endpoint);
    const body = (query: string) => JSON.stringify({ query });
    for (let i = 0; i < 20; i++) {
      await timedPost(server.endpoint, body(OURS), tokens[0]);
      await timedPost(peer.endpoint, body(PEER));
    }
    const ours: number[] = [];
    const theirs: number[] = [];
    for (let run = 1; run <= ctx.config.runs; run++) {
      const seconds = ctx.config.httpSeconds;
      const a = await load({ url: server.endpoint, connections, seconds, bodies: [body(OURS)], tokens });
      const b = await load({ url: peer.endpoint, connections, seconds, bodies: [body(PEER)] });
      ours.push(a.requestsPerSecond);
      theirs.push(b.requestsPerSecond);
      ctx.log(
        `throughput run ${run}: ours ${Math.round(a.requestsPerSecond)} req/s, PostGraphile ${Math.round(b.requestsPerSecond)} req/s`,
      );
    }
    const note = `schools(first: 50) with municipality and cluster, ${connections} connections, ${ctx.config.httpSeconds} s per run, alternated`;
    const ratios = ours.map((o, i) => o / theirs[i]!);
    return [
      {
        benchmark: 'throughput',
        id: 'throughput.ours_rps',
        title: 'Throughput: our server',
        value: median(ours),
        unit: 'req/s',
        note,
        runs: ours,
      },
      {
        benchmark: 'throughput',
        id: 'throughput.postgraphile_rps',
        title: 'Throughput: PostGraphile 4',
        value: median(theirs),
        unit: 'req/s',
        note: 'as hub_app with the region admin scope (row-level security applies alike); no sign-in',
        runs: theirs,
      },
      {
        benchmark: 'throughput',
        id: 'throughput.ratio',
        title: 'Throughput: ours ÷ PostGraphile',
        value: median(ours) / median(theirs),
        unit: '×',
        target: { op: '>=', value: 1 },
        note: 'median of ours ÷ median of theirs',
        runs: ratios,
      },
    ];
  } finally {
    await peer.stop();
  }
}
