import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../config';
import { SYSTEM } from '../graphql/actor';
import { createDataSource } from '../db/data-source';
import { migrate } from '../db/migrate';
// The module's parts rather than its index, which also brings the resolver and the HTTP routes.
import type { ImportJob } from '../modules/imports/import-job.entity';
import { ImportStatus } from '../modules/imports/import-progress';
import { ImportsService } from '../modules/imports/imports.service';
import { IMPORT_KINDS } from '../modules/imports/kinds';
import { createHubPubSub } from '../realtime/topics';
import { runSeeds } from '../seed/run-seeds';
import { openDatabase } from './database';

const SHOWN_PROBLEMS = 50;

const VERDICT: Record<ImportStatus, string> = {
  [ImportStatus.APPLIED]: 'применён',
  [ImportStatus.CHECKED]: 'проверен (пробный запуск): ошибок нет, ничего не записано',
  [ImportStatus.REJECTED]: 'отклонён — ничего не изменено',
  [ImportStatus.FAILED]: 'сбой — ничего не изменено',
  [ImportStatus.RUNNING]: 'выполняется',
};

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((cell, i) => cell.padEnd(widths[i]!)).join('  ')).join('\n');
}

async function report(job: ImportJob, service: ImportsService): Promise<void> {
  console.log(`Файл: ${job.fileName} (${job.format ?? 'формат не определён'}), вид: ${job.kind}`);
  for (const warning of job.warnings) console.log(`Предупреждение: ${warning}`);
  if (job.error) console.log(`Ошибка: ${job.error}`);
  const dry = job.dryRun ? ' (было бы)' : '';
  console.log(
    `Прочитано: ${job.rowsRead}; добавлено${dry}: ${job.inserted}; обновлено${dry}: ${job.updated}; ` +
      `без изменений: ${job.unchanged}; отклонено: ${job.rejected}`,
  );
  if (job.rejected > 0) {
    const rows = await service.rejectedRows(job.id, SHOWN_PROBLEMS, null);
    const lines = rows.flatMap((r) => r.problems.map((p) => [String(r.line), p.column ?? '—', p.message]));
    console.log(`\n${table([['Строка', 'Столбец', 'Ошибка'], ...lines])}`);
    if (job.rejected > rows.length) console.log(`… и ещё ${job.rejected - rows.length} строк с ошибками`);
  }
  console.log(`\nИтог: ${VERDICT[job.status]} (импорт ${job.id}, ${job.durationMs ?? 0} мс)`);
}

/** `hub import <kind> <file> [--dry-run] [--partial]`: 0 applied, 1 rejected, 2 usage error. */
export async function importCommand(
  values: Record<string, string | boolean | undefined>,
  positionals: string[],
): Promise<number> {
  const [kind, file] = positionals;
  if (!kind || !file || positionals.length > 2) {
    console.error(
      `Использование: pnpm hub import <вид> <файл> [--dry-run] [--partial]\nВиды: ${[...IMPORT_KINDS.keys()].join(', ')}`,
    );
    return 2;
  }
  if (!IMPORT_KINDS.has(kind)) {
    console.error(`Неизвестный вид импорта «${kind}». Доступны: ${[...IMPORT_KINDS.keys()].join(', ')}`);
    return 2;
  }
  const filePath = path.resolve(process.env.INIT_CWD ?? process.cwd(), file);
  if (!fs.existsSync(filePath) || !fs.statSync(filePath).isFile()) {
    console.error(`Файл не найден: ${filePath}`);
    return 2;
  }

  const db = await openDatabase();
  const dataSource = createDataSource({ url: db.url, poolSize: 4, applicationName: 'hub-import' });
  try {
    await dataSource.initialize();
    // The same database state as after a start: a first command on a fresh
    // installation finds the municipalities its rows name.
    await migrate(dataSource);
    await runSeeds(dataSource, { demo: loadConfig().seedDemo });
    const service = new ImportsService(dataSource, createHubPubSub(), { chunkRows: loadConfig().importChunkRows });
    const requestId = randomUUID();
    const job = await service.create({
      kind,
      filePath,
      fileName: path.basename(filePath),
      actor: { ...SYSTEM, displayName: `командная строка (${os.userInfo().username})` },
      dryRun: values['dry-run'] === true,
      partial: values.partial === true,
      requestId,
    });
    const done = await service.run(job, filePath, requestId);
    await report(done, service);
    return done.status === ImportStatus.APPLIED || done.status === ImportStatus.CHECKED ? 0 : 1;
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await db.close();
  }
}
