import { loadConfig } from '../config';
import { startEmbeddedDatabase } from '../db/embedded';
import { ensureDatabase } from '../db/migrate';

export const EMBEDDED_DATABASE = 'hub';

export interface OpenedDatabase {
  url: string;
  /** Set in embedded mode: the maintenance database, for dropping and creating `hub`. */
  adminUrl?: string;
  close(): Promise<void>;
}

/**
 * The database a command works on: `DATABASE_URL` when set; otherwise the
 * embedded one, used as is when the server runs it, started for the command
 * (and stopped after) when not.
 */
export async function openDatabase(options: { create: boolean } = { create: true }): Promise<OpenedDatabase> {
  const config = loadConfig();
  if (config.databaseUrl !== undefined) return { url: config.databaseUrl, close: async () => undefined };
  const embedded = await startEmbeddedDatabase({
    dataDir: config.dataDir,
    port: config.embeddedPgPort,
    ifRunning: 'attach',
  });
  if (options.create) await ensureDatabase(embedded.adminUrl, EMBEDDED_DATABASE);
  return { url: embedded.url(EMBEDDED_DATABASE), adminUrl: embedded.adminUrl, close: () => embedded.stop() };
}
