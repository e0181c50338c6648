import path from 'node:path';
import { it } from 'vitest';
import { benchConfig } from './config';
import { table, writeReport } from './report';
import { runBenchmarks } from './runner';

/**
 * `pnpm bench`: every benchmark on a freshly generated national-scale dataset (BENCH_PROFILE,
 * BENCH_SCHOOLS, BENCH_PARTICIPANTS… in config.ts), a table of figure, value, target and
 * verdict, and the same as JSON in test/bench/results/<timestamp>.json and latest.json.
 */
it(
  'measures the hub at national scale',
  async () => {
    const config = benchConfig();
    const report = await runBenchmarks(config);
    const file = writeReport(report, path.join(__dirname, 'results'));
    console.log(
      `\n${table(report.figures)}\n\n${report.seconds.toFixed(0)} s; load average ${report.machine.loadAverage.start} → ` +
        `${report.machine.loadAverage.end} on ${report.machine.cpus} CPUs; written to ${file}`,
    );
  },
  60 * 60_000,
);
