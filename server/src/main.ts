import path from 'node:path';
import pino from 'pino';
import { startHub, type Hub } from './app';
import { ConfigError, DEFAULT_SHUTDOWN_TIMEOUT_MS, loadConfig, type HubConfig } from './config';
import { startEmbeddedDatabase, type EmbeddedDatabase } from './db/embedded';
import { ensureDatabase } from './db/migrate';
import { claimServerPid } from './db/server-pid';
import { createLogger, type Logger } from './observability/logger';
import { createDemoAccounts, DEMO_ACCOUNTS_FILE } from './seed/demo/demo-accounts';

const EMBEDDED_DATABASE = 'hub';

let config: HubConfig | undefined;
// Until the configuration is read (LOG_LEVEL itself may be the bad setting): a start that fails says so on stderr.
let logger: Logger = createLogger({ destination: pino.destination(2) });
let embedded: EmbeddedDatabase | undefined;
let hub: Hub | undefined;
let stopping = false;

/**
 * SIGTERM, SIGINT: the hub drains (not ready, no new connections, sockets
 * closed with 1012, in-flight requests finished), then LISTEN and the pool
 * close, then the embedded PostgreSQL stops — all within HUB_SHUTDOWN_TIMEOUT_MS.
 */
async function shutdown(reason: string, exitCode: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  const deadlineMs = config?.shutdownTimeoutMs ?? DEFAULT_SHUTDOWN_TIMEOUT_MS;
  logger.info({ reason, deadlineMs }, `Остановка (${reason})…`);
  setTimeout(() => {
    logger.error({ deadlineMs }, 'Остановка не уложилась в HUB_SHUTDOWN_TIMEOUT_MS; выход без ожидания.');
    process.exit(1);
  }, deadlineMs).unref();
  for (const step of [() => hub?.close(), () => embedded?.stop()]) {
    try {
      await step();
    } catch (error) {
      logger.error({ err: error }, 'shutdown step failed');
    }
  }
  logger.info('Остановлено.');
  process.exit(exitCode);
}

async function main(): Promise<void> {
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void shutdown(signal, 0));
  process.on('uncaughtException', (error) => {
    logger.fatal({ err: error }, 'uncaught exception');
    void shutdown('uncaught exception', 1);
  });

  config = loadConfig();
  logger = createLogger({ level: config.logLevel });
  let databaseUrl = config.databaseUrl;
  if (databaseUrl === undefined) {
    logger.info(`DATABASE_URL не задан: запускаю встроенный PostgreSQL (данные в ${config.dataDir}).`);
    // Only one server owns the embedded cluster: it stops it on exit.
    claimServerPid(config.dataDir);
    embedded = await startEmbeddedDatabase({
      dataDir: config.dataDir,
      port: config.embeddedPgPort,
      ifRunning: 'adopt',
      log: (line) => logger.debug({ postgres: line }, 'embedded PostgreSQL'),
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
    logger,
    metricsToken: config.metricsToken,
    importChunkRows: config.importChunkRows,
    shutdownTimeoutMs: config.shutdownTimeoutMs,
  });
  for (const seed of hub.seeds.applied)
    logger.info({ seed: seed.name, rows: seed.rows }, `Загружено: ${seed.name} (${seed.rows} строк)`);
  const accounts = embedded ? await createDemoAccounts(hub.dataSource, config.dataDir) : null;
  if (accounts) {
    const file = path.join(config.dataDir, DEMO_ACCOUNTS_FILE);
    logger.info({ file }, `Демо-учётные записи созданы (по одной на роль); имена и пароли — в ${file}`);
    // Printed once, for the person trying the product, as plain text beside the log: a log
    // line (kept, shipped elsewhere) never carries a password; the file (mode 600) keeps them.
    process.stdout.write(`\n${accounts}\n`);
  }
  logger.info({ url: hub.url }, `Хаб готов: ${hub.url}  (GraphQL: ${hub.url}graphql)`);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) logger.fatal({ variable: error.variable }, `Ошибка конфигурации: ${error.message}`);
  else logger.fatal({ err: error }, 'start failed');
  void shutdown('ошибка запуска', 1);
});
