import { startHub, type Hub } from './app';
import { ConfigError, loadConfig } from './config';
import { startEmbeddedDatabase, type EmbeddedDatabase } from './db/embedded';
import { ensureDatabase } from './db/migrate';
import { claimServerPid } from './db/server-pid';
import { createDemoAccounts } from './seed/demo/demo-accounts';

const EMBEDDED_DATABASE = 'hub';
const SHUTDOWN_DEADLINE_MS = 15_000;

let embedded: EmbeddedDatabase | undefined;
let hub: Hub | undefined;
let stopping = false;

/** Stops HTTP and the pool, then the embedded PostgreSQL: nothing is left running. */
async function shutdown(reason: string, exitCode: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(`Остановка (${reason})…`);
  setTimeout(() => {
    console.error('Остановка заняла слишком долго; выход без ожидания.');
    process.exit(1);
  }, SHUTDOWN_DEADLINE_MS).unref();
  for (const step of [() => hub?.close(), () => embedded?.stop()]) {
    try {
      await step();
    } catch (error) {
      console.error(error);
    }
  }
  process.exit(exitCode);
}

async function main(): Promise<void> {
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void shutdown(signal, 0));
  process.on('uncaughtException', (error) => {
    console.error(error);
    void shutdown('uncaught exception', 1);
  });

  const config = loadConfig();
  let databaseUrl = config.databaseUrl;
  if (databaseUrl === undefined) {
    console.log(`DATABASE_URL не задан: запускаю встроенный PostgreSQL (данные в ${config.dataDir}).`);
    // Only one server owns the embedded cluster: it stops it on exit.
    claimServerPid(config.dataDir);
    embedded = await startEmbeddedDatabase({
      dataDir: config.dataDir,
      port: config.embeddedPgPort,
      ifRunning: 'adopt',
    });
    await ensureDatabase(embedded.adminUrl, EMBEDDED_DATABASE);
    databaseUrl = embedded.url(EMBEDDED_DATABASE);
  }
  if (stopping) return;

  hub = await startHub({
    databaseUrl,
    port: config.port,
    host: config.host,
    dashboardDir: config.dashboardDir,
    seedDemo: config.seedDemo,
    statementTimeoutMs: config.statementTimeoutMs,
    jwtSecret: config.jwtSecret,
    limits: { maxQueryComplexity: config.maxQueryComplexity },
    oidc: config.oidc,
  });
  for (const seed of hub.seeds.applied) console.log(`Загружено: ${seed.name} (${seed.rows} строк)`);
  if (embedded) {
    const accounts = await createDemoAccounts(hub.dataSource, config.dataDir);
    if (accounts) console.log(`\n${accounts}(сохранено в ${config.dataDir}/demo-accounts.txt)\n`);
  }
  console.log(`Хаб готов: ${hub.url}  (GraphQL: ${hub.url}graphql)`);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? `Ошибка конфигурации: ${error.message}` : error);
  void shutdown('ошибка запуска', 1);
});
