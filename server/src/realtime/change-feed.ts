import { EventEmitter } from 'node:events';
import pg from 'pg';
import type { Logger } from '../observability/logger';

/** What a committed transaction changed: a domain, the schools (null: too many to list), a version. */
export interface Change {
  domain: string;
  version: number;
  schools: string[] | null;
}

export const CHANGE_CHANNEL = 'hub_changes';

interface ChangeFeedEvents {
  change: [Change];
  /** The listener reconnected: changes may have been missed, so everything must be re-read. */
  resync: [];
  connected: [];
}

/**
 * LISTENs on PostgreSQL's change channel on a connection of its own. When the
 * connection drops (a restart, a terminated backend), it reconnects with
 * backoff and emits `resync`, so that subscribers get the current state again.
 */
export class ChangeFeed extends EventEmitter<ChangeFeedEvents> {
  private client: pg.Client | undefined;
  private stopped = false;
  private retry: NodeJS.Timeout | undefined;
  private attempts = 0;
  /** The highest version seen: what `aggregate` answers carry. */
  latestVersion = 0;
  connected = false;

  constructor(
    private readonly databaseUrl: string,
    private readonly logger?: Logger,
  ) {
    super();
  }

  async start(): Promise<void> {
    await this.connect(false);
  }

  private async connect(isRetry: boolean): Promise<void> {
    const client = new pg.Client({ connectionString: this.databaseUrl, application_name: 'hub-change-feed' });
    client.on('notification', (message) => {
      if (message.channel !== CHANGE_CHANNEL || !message.payload) return;
      const payload = JSON.parse(message.payload) as { d: string; v: number; s: string[] | null };
      this.latestVersion = Math.max(this.latestVersion, payload.v);
      this.emit('change', { domain: payload.d, version: payload.v, schools: payload.s });
    });
    client.on('error', () => this.lost(client));
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANGE_CHANNEL}`);
      const [row] = (await client.query('SELECT last_value::bigint AS v FROM hub_change_seq')).rows;
      this.latestVersion = Math.max(this.latestVersion, Number(row?.v ?? 0));
    } catch (error) {
      client.removeAllListeners('end');
      await client.end().catch(() => undefined);
      if (!isRetry) throw error;
      this.scheduleRetry();
      return;
    }
    this.client = client;
    this.attempts = 0;
    this.connected = true;
    if (isRetry) this.logger?.info('change feed listening again; live subscribers get the current state');
    this.emit('connected');
    if (isRetry) this.emit('resync');
  }

  private lost(client: pg.Client): void {
    if (this.client !== client) return;
    this.client = undefined;
    this.connected = false;
    client.removeAllListeners();
    client.on('error', () => undefined);
    client.end().catch(() => undefined);
    if (this.stopped) return;
    this.logger?.warn('change feed LISTEN connection lost; reconnecting');
    this.scheduleRetry();
  }

  private scheduleRetry(): void {
    if (this.stopped || this.retry) return;
    const delay = Math.min(5000, 100 * 2 ** this.attempts++);
    this.retry = setTimeout(() => {
      this.retry = undefined;
      void this.connect(true);
    }, delay);
  }

  /**
   * The change sequence now, read on the listening connection: PostgreSQL sends
   * a listener the notifications of transactions committed before it reads a
   * command, so when the answer arrives every change that version covers has
   * been emitted here first. Null while the connection is down.
   */
  async currentVersion(): Promise<number | null> {
    const client = this.client;
    if (!client) return null;
    const { rows } = await client.query<{ v: number }>('SELECT last_value::float8 AS v FROM hub_change_seq');
    return rows[0]!.v;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    const client = this.client;
    this.client = undefined;
    this.connected = false;
    if (client) {
      client.removeAllListeners();
      client.on('error', () => undefined);
      await client.end().catch(() => undefined);
    }
  }
}
