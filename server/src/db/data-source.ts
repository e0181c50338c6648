import 'reflect-metadata';
import { DataSource } from 'typeorm';
import type { Logger } from '../observability/logger';
import { entities } from './entities';
import { migrations } from './migrations';
import { SnakeNamingStrategy } from './naming-strategy';
import { QueryCounter } from './query-counter';

export interface DataSourceOptions {
  url: string;
  poolSize?: number;
  applicationName?: string;
  /** Replaces the default counting logger (tests read `count`). */
  logger?: QueryCounter;
  /** The server's JSON log; the command line goes without and prints to the console. */
  log?: Logger;
}

export function createDataSource(options: DataSourceOptions): DataSource {
  const logger = options.logger ?? new QueryCounter();
  if (options.log) logger.useLogger(options.log);
  return new DataSource({
    type: 'postgres',
    url: options.url,
    entities,
    migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    // gen_random_uuid() is built into PostgreSQL 13+: no extension to install.
    uuidExtension: 'pgcrypto',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    logging: true,
    logger,
    applicationName: options.applicationName ?? 'tomsk-edu-hub',
    extra: { max: options.poolSize ?? 20 },
    poolErrorHandler: (error: Error & { code?: string }) => {
      // An idle pooled connection closed by a server shutdown (57P01) is simply
      // dropped by the pool and replaced on next use: nothing to report.
      if (error.code === '57P01') return;
      // The message and code only: the error also carries the whole client, connection settings included.
      if (options.log)
        options.log.warn({ sqlError: error.message, code: error.code }, 'PostgreSQL pool connection failed');
      else console.warn(`PostgreSQL pool: ${error.message}`);
    },
  });
}

/** The counter attached to a data source made by `createDataSource`. */
export function queryCounter(dataSource: DataSource): QueryCounter {
  const logger = dataSource.logger;
  if (!(logger instanceof QueryCounter)) throw new Error('This data source does not count queries');
  return logger;
}
