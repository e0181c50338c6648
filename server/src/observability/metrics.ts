import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * The server's Prometheus metrics, in a registry of its own (not the global
 * one), so that several hubs in one process — tests, replicas — keep theirs apart.
 */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'hub_process_' });
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
    importRows: new Counter({
      name: 'hub_import_rows_total',
      help: 'Rows read by imports, by kind and outcome',
      labelNames: ['kind', 'status'] as const,
      registers: [registry],
    }),
    importDuration: new Histogram({
      name: 'hub_import_duration_seconds',
      help: 'Import duration by kind and outcome',
      labelNames: ['kind', 'status'] as const,
      buckets: [0.1, 0.5, 1, 2, 5, 10, 30, 60, 300],
      registers: [registry],
    }),
    poolConnections: new Gauge({
      name: 'hub_db_pool_connections',
      help: 'Database pool connections by state',
      labelNames: ['state'] as const,
      registers: [registry],
    }),
  };
  return metrics;
}

export type HubMetrics = ReturnType<typeof createMetrics>;
