import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { writeParticipantFile } from '../harness/participant-file';
import type { BenchContext } from './context';
import type { Figure } from './report';
import { runCli } from './processes';
import { median } from './stats';

/** Years of the benchmark's files: apart from the generated dataset's (2025), so no demo row is replaced. */
export const INGEST_YEARS = [2023, 2024] as const;

/** A participant file of `rows` rows over the generated schools, written once per path. */
export async function participantFile(ctx: BenchContext, rows: number): Promise<string> {
  const file = `${ctx.workDir}/participants-${rows}.csv`;
  if (!fs.existsSync(file)) {
    const db = new pg.Client({ connectionString: ctx.databaseUrl });
    await db.connect();
    const schools = (await db.query(`SELECT code FROM school WHERE code LIKE 'gen%' ORDER BY code`)).rows.map(
      (r) => r.code as string,
    );
    await db.end();
    await writeParticipantFile(file, rows, schools, 20251123, INGEST_YEARS);
  }
  return file;
}

/** Takes the imported rows out again (and what was derived from them), so every run starts alike. */
export async function removeImported(databaseUrl: string): Promise<void> {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  await db.query('DELETE FROM participant_result WHERE year = ANY($1) AND NOT is_demo', [[...INGEST_YEARS]]);
  await db.query(`DELETE FROM assessment_result WHERE year = ANY($1) AND school_code LIKE 'gen%'`, [[...INGEST_YEARS]]);
  await db.query('VACUUM ANALYZE participant_result, assessment_result, assessment_rollup');
  await db.end();
}

/** `COPY` of the same file into a table without indexes or checks: the floor of any import. */
async function rawCopy(databaseUrl: string, file: string): Promise<number> {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  await db.query(`DROP TABLE IF EXISTS bench_raw_participants`);
  await db.query(
    `CREATE TABLE bench_raw_participants (participant text, school text, procedure text, year text, subject text,
       grade text, primary_score text, test_score text, mark text)`,
  );
  const started = process.hrtime.bigint();
  await pipeline(
    fs.createReadStream(file),
    db.query(copyFrom(`COPY bench_raw_participants FROM STDIN (FORMAT csv, DELIMITER ';', HEADER true)`)),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  await db.query(`DROP TABLE bench_raw_participants`);
  await db.end();
  return seconds;
}

/**
 * Ingest: a participant file through the real command line (`hub import participant-results`,
 * a process of its own, timed from spawn to exit, peak memory from its VmHWM), alternated with
 * a raw COPY of the same file, run by run.
 */
export async function ingestBenchmark(ctx: BenchContext): Promise<Figure[]> {
  const rows = ctx.config.ingestRows;
  const file = await participantFile(ctx, rows);
  const importRates: number[] = [];
  const copyRates: number[] = [];
  const peaks: number[] = [];
  for (let run = 1; run <= ctx.config.runs; run++) {
    const imported = await runCli(['import', 'participant-results', file], { DATABASE_URL: ctx.databaseUrl });
    if (imported.code !== 0 || !imported.output.includes(`добавлено: ${rows}`)) {
      throw new Error(`Import failed (exit ${imported.code}):\n${imported.output.slice(-2000)}`);
    }
    importRates.push(rows / imported.seconds);
    peaks.push(imported.peakRssMb);
    await removeImported(ctx.databaseUrl);
    copyRates.push(rows / (await rawCopy(ctx.databaseUrl, file)));
    ctx.log(
      `ingest run ${run}: import ${Math.round(rows / imported.seconds)} rows/s, ${imported.peakRssMb.toFixed(0)} MB; ` +
        `raw COPY ${Math.round(copyRates.at(-1)!)} rows/s`,
    );
  }
  const importRate = median(importRates);
  const copyRate = median(copyRates);
  const size = `${rows.toLocaleString('en')}-row file`;
  return [
    {
      benchmark: 'ingest',
      id: 'ingest.rows_per_second',
      title: 'Ingest: participant rows/s (hub import)',
      value: importRate,
      unit: 'rows/s',
      target: { op: '>=', value: 150_000 },
      note: `${size}, all new rows; the whole command from spawn to exit (start-up, parsing, checks, merge, derivation, commit)`,
      runs: importRates,
    },
    {
      benchmark: 'ingest',
      id: 'ingest.ratio_to_copy',
      title: 'Ingest: share of raw COPY speed',
      value: importRate / copyRate,
      unit: '×',
      target: { op: '>=', value: 0.5 },
      note: `raw COPY of the same file into an unindexed text table: median ${Math.round(copyRate)} rows/s`,
      runs: copyRates,
    },
    {
      benchmark: 'ingest',
      id: 'ingest.peak_rss_mb',
      title: 'Ingest: peak RSS of the import process',
      value: median(peaks),
      unit: 'MB',
      target: { op: '<=', value: 300 },
      note: 'VmHWM of the hub import process',
      runs: peaks,
    },
  ];
}
