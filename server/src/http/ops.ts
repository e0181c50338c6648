import { timingSafeEqual } from 'node:crypto';
import express from 'express';
import type { HubMetrics } from '../observability/metrics';
import type { Readiness } from '../observability/readiness';

export const OPS_PATHS = ['/healthz', '/readyz', '/metrics'];

export interface OpsOptions {
  readiness: Readiness;
  metrics: HubMetrics;
  /** When set, `/metrics` wants `Authorization: Bearer <token>`. */
  metricsToken?: string;
}

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * `/healthz`: the process serves (a liveness probe restarts it otherwise).
 * `/readyz`: send it traffic (see `Readiness`); 503 with what fails.
 * `/metrics`: Prometheus text. nginx does not route these paths: probes and
 * the scraper reach each replica directly, on the internal network.
 */
export function opsRouter(options: OpsOptions): express.Router {
  const router = express.Router();
  router.get('/healthz', (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    const report = await options.readiness.check();
    res.setHeader('Cache-Control', 'no-store');
    res.status(report.ready ? 200 : 503).json({ status: report.ready ? 'ready' : 'not ready', ...report });
  });
  router.get('/metrics', async (req, res) => {
    if (options.metricsToken) {
      const given = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1] ?? '';
      if (!sameToken(given, options.metricsToken)) {
        res.setHeader('WWW-Authenticate', 'Bearer');
        res.status(401).type('text/plain; charset=utf-8').send('Нужен токен HUB_METRICS_TOKEN\n');
        return;
      }
    }
    res.setHeader('Cache-Control', 'no-store');
    res.type(options.metrics.registry.contentType).send(await options.metrics.render());
  });
  return router;
}
