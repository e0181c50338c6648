import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Distinct operation names kept as labels; analysts' ad-hoc names beyond these count as "other". */
export const MAX_OPERATION_LABELS = 200;

/**
 * The server's Prometheus metrics, in a registry of its own (not the global
 * one), so that several hubs in one process — tests, replicas — keep theirs apart.
 */
export function createMetrics() {
  const registry = new Registry();
  const operations = new Set<string>();
  const scrapeHooks: (() => void)[] = [];
  collectDefaultMetrics({ register: registry, prefix: 'hub_' });
  const metrics = {
    registry,
    requestDuration: new Histogram({
      name: 'hub_graphql_request_duration_seconds',
      help: 'GraphQL request duration by operation name and type',
      labelNames: ['operation', 'type'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    errors: new Counter({
      name: 'hub_graphql_errors_total',
      help: 'GraphQL errors by extensions.code',
      labelNames: ['code'] as const,
      registers: [registry],
    }),
    activeSubscriptions: new Gauge({
      name: 'hub_active_subscriptions',
      help: 'Live aggregate subscriptions on this process',
      registers: [registry],
    }),
    websocketConnections: new Gauge({
      name: 'hub_websocket_connections',
      help: 'Open graphql-ws connections on this process',
      registers: [registry],
    }),
    notifications: new Counter({
      name: 'hub_change_notifications_total',
      help: 'Change-feed notifications received, by domain',
      labelNames: ['domain'] as const,
      registers: [registry],
    }),
    recomputeDuration: new Histogram({
      name: 'hub_live_recompute_duration_seconds',
      help: 'Recomputation of a live aggregate after a change',
      labelNames: ['indicator'] as const,
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
      registers: [registry],
    }),
    aggregateFactReads: new Counter({
      name: 'hub_aggregate_fact_reads_total',
      help: "Reads of an aggregate question's facts: whole (a new question, a change naming no school, a gap in the feed) or only the schools a change named",
      labelNames: ['scope'] as const,
      registers: [registry],
    }),
    aggregateStoredResponses: new Counter({
      name: 'hub_aggregate_stored_responses_total',
      help: 'Aggregate-only queries answered with a stored response (every answer in it still current)',
      registers: [registry],
    }),
    importRows: new Counter({
      name: 'hub_import_rows_total',
      help: 'Rows of imported files by kind and outcome (read, inserted, updated, unchanged, rejected)',
      labelNames: ['kind', 'outcome'] as const,
      registers: [registry],
    }),
    importDuration: new Histogram({
      name: 'hub_import_duration_seconds',
      help: 'Import duration by kind and job status (applied, checked, rejected, failed)',
      labelNames: ['kind', 'status'] as const,
      buckets: [0.1, 0.5, 1, 2, 5, 10, 30, 60, 300],
      registers: [registry],
    }),
    poolConnections: new Gauge({
      name: 'hub_db_pool_connections',
      help: 'Database pool connections by state (total, idle, waiting = requests queued for a connection)',
      labelNames: ['state'] as const,
      registers: [registry],
    }),
    /** A label for an operation name that keeps the series count bounded. */
    operationLabel(name: string | null | undefined): string {
      if (!name) return 'anonymous';
      if (operations.has(name)) return name;
      if (operations.size >= MAX_OPERATION_LABELS) return 'other';
      operations.add(name);
      return name;
    },
    /** Gauges read from their source at scrape time (pool, subscriptions) register here. */
    beforeScrape(hook: () => void): void {
      scrapeHooks.push(hook);
    },
    async render(): Promise<string> {
      for (const hook of scrapeHooks) hook();
      return registry.metrics();
    },
  };
  return metrics;
}

export type HubMetrics = ReturnType<typeof createMetrics>;
