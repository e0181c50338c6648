import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { chromium } from 'playwright-core';
import type { BenchContext } from './context';
import { signIn } from './database';
import { repoRoot } from './processes';
import type { Figure } from './report';
import { median } from './stats';

const dist = path.join(repoRoot, 'dashboard', 'dist');
const OVERVIEW = 'src/features/overview/OverviewView.vue';
const CHARTS = 'src/features/overview/TerritoryPanel.vue';

interface ManifestChunk {
  file: string;
  imports?: string[];
  dynamicImports?: string[];
}

/** The files a manifest entry loads before it runs: itself and its static imports, transitively. */
function staticClosure(manifest: Record<string, ManifestChunk>, keys: string[], into = new Set<string>()): Set<string> {
  for (const key of keys) {
    const chunk = manifest[key];
    if (!chunk) throw new Error(`No chunk ${key} in the build manifest`);
    if (into.has(chunk.file)) continue;
    into.add(chunk.file);
    staticClosure(manifest, chunk.imports ?? [], into);
  }
  return into;
}

const gzipped = (files: Iterable<string>) =>
  [...files].reduce(
    (sum, file) => sum + zlib.gzipSync(fs.readFileSync(path.join(dist, file)), { level: 9 }).length,
    0,
  ) / 1024;

/**
 * The JavaScript the overview route needs before it shows: the scripts and module preloads of
 * index.html, and the overview view's chunk with everything it imports statically (per the
 * build manifest). Its charts come in a chunk loaded beside it: counted separately.
 */
export function initialJavaScript(): { initialKb: number; withChartsKb: number; files: string[] } {
  const manifestFile = path.join(dist, '.vite', 'manifest.json');
  if (!fs.existsSync(manifestFile)) throw new Error('Build the dashboard first: pnpm --filter @hub/dashboard build');
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as Record<string, ManifestChunk>;
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  const fromHtml = [
    ...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="\/([^"]+\.js)"/g),
  ].map((m) => m[1]!);
  const initial = staticClosure(manifest, ['index.html', OVERVIEW], new Set(fromHtml));
  const withCharts = staticClosure(manifest, [CHARTS], new Set(initial));
  return { initialKb: gzipped(initial), withChartsKb: gzipped(withCharts), files: [...initial] };
}

/**
 * Chromium, signed in (the session put where the dashboard keeps it), a cold cache each run:
 * from navigation start to the first chart whose canvas is drawn (`data-drawn`, set on
 * ECharts' `finished`; charts mount only once their data is there).
 */
async function timeToFirstChart(
  url: string,
  session: object,
  runs: number,
  log: (l: string) => void,
): Promise<number[]> {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const times: number[] = [];
  try {
    for (let run = 1; run <= runs; run++) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      await context.addInitScript(
        (value) => (globalThis as any).localStorage.setItem('hub.session', value),
        JSON.stringify(session),
      );
      const page = await context.newPage();
      await page.goto(`${url}overview`, { waitUntil: 'commit' });
      const problems: string[] = [];
      page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
      page.on('response', (r) => r.status() >= 400 && problems.push(`${r.status()} ${r.url()}`));
      await page
        .waitForFunction(
          () => {
            const page = globalThis as any;
            const drawn = page.document.querySelector('[data-drawn="true"] canvas');
            if (drawn && !page.__firstChart) page.__firstChart = performance.now();
            return page.__firstChart;
          },
          undefined,
          { polling: 'raf', timeout: 60_000 },
        )
        .catch(async (error: Error) => {
          const text = (
            await page
              .locator('body')
              .innerText()
              .catch(() => '')
          ).slice(0, 3000);
          throw new Error(`${error.message}\nPage: ${text}\nProblems: ${problems.slice(0, 5).join('; ')}`);
        });
      times.push(await page.evaluate(() => (globalThis as any).__firstChart as number));
      log(`dashboard run ${run}: first chart at ${times.at(-1)!.toFixed(0)} ms`);
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return times;
}

export async function dashboardBenchmark(ctx: BenchContext): Promise<Figure[]> {
  const size = initialJavaScript();
  const [server] = await ctx.servers();
  // The last account: no load benchmark used up its request budget.
  const login = await signIn(server.endpoint, ctx.accounts.at(-1)!);
  const session = {
    accessToken: login.accessToken,
    refreshToken: login.refreshToken,
    expiresAt: Date.now() + login.expiresIn * 1000,
    user: login.user,
  };
  const times = await timeToFirstChart(server.url, session, ctx.config.runs, ctx.log);
  return [
    {
      benchmark: 'dashboard',
      id: 'dashboard.initial_js_kb',
      title: 'Dashboard: initial JS of /overview, gzipped',
      value: size.initialKb,
      unit: 'KB',
      target: { op: '<=', value: 350 },
      note: `index.html scripts and preloads + the overview chunk and its static imports (${size.files.length} files)`,
    },
    {
      benchmark: 'dashboard',
      id: 'dashboard.js_with_charts_kb',
      title: 'Dashboard: JS of /overview with its charts, gzipped',
      value: size.withChartsKb,
      unit: 'KB',
      note: 'the above plus the map and bars chunk (ECharts) the page loads right after',
    },
    {
      benchmark: 'dashboard',
      id: 'dashboard.first_chart_ms',
      title: 'Dashboard: time to first drawn chart',
      value: median(times),
      unit: 'ms',
      target: { op: '<=', value: 2000 },
      note: 'headless Chromium, cold cache, signed in; navigation start to the first ECharts canvas drawn with data',
      runs: times,
    },
  ];
}
