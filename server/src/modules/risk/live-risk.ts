import { Repeater } from '@graphql-yoga/subscription';
import { GroupBy } from '../../analytics/aggregate.types';
import { msUntilTomskMidnight } from '../../analytics/indicator';
import { LIVE_WINDOW_MS } from '../../analytics/live-aggregates';
import { seesEverySchool, type Actor } from '../../graphql/actor';
import type { SchoolScopes } from '../../db/school-scopes';
import type { Logger } from '../../observability/logger';
import type { Change, ChangeFeed } from '../../realtime/change-feed';
import { groupCounts, normalizeRiskFilter, schoolPage } from './risk-radar';
import type { RiskService } from './risk.service';
import type { RiskRadarFilter, RiskRadarResult } from './risk.types';

/** The domains whose changes can move a school's risk picture. */
export const RISK_DOMAINS = ['risk', 'vsoko', 'shnor', 'selfdiag', 'assessment', 'plan', 'school'];

export interface RiskQuestion {
  filter: RiskRadarFilter | null | undefined;
  groupBy: GroupBy;
  first: number | null | undefined;
}

interface Subscriber {
  recompute(force: boolean): void;
  cancel(): void;
}

/** Rows and nothing else decide whether a result changed (not its version or time). */
function fingerprint(result: RiskRadarResult): string {
  return 'edges' in result
    ? JSON.stringify([result.totalCount, result.edges.map((e) => e.node)])
    : JSON.stringify(result.rows);
}

/**
 * The radar as one caller may see it: by school, only schools in the caller's
 * scope (asked of row-level security through `SchoolScopes`); counts by group
 * over every school, like aggregates.
 */
export async function scopedRadar(
  service: RiskService,
  scopes: SchoolScopes,
  actor: Actor,
  question: RiskQuestion,
  after: string | null = null,
): Promise<RiskRadarResult> {
  const filter = normalizeRiskFilter(question.filter);
  const state = await service.state(filter.includeDemo !== false);
  if (question.groupBy !== GroupBy.SCHOOL) return groupCounts(state, filter, question.groupBy);
  const visible = seesEverySchool(actor) ? null : await scopes.visible(actor, state.version);
  return schoolPage(state, filter, visible, question.first, after);
}

/**
 * Live `riskRadarUpdated` subscriptions of this server process. Each
 * subscription recomputes at most once per window after a change of a
 * domain the picture depends on (and at midnight in Tomsk, when deadlines run
 * out), and is pushed only when what it shows changed. The picture itself is
 * computed once per data version by `RiskService` and shared.
 */
export class LiveRisk {
  private readonly subscribers = new Set<Subscriber>();
  private midnight: NodeJS.Timeout | undefined;
  private stopped = false;
  /** Computations in flight, awaited on shutdown so none runs into a closing pool. */
  private readonly running = new Set<Promise<void>>();

  constructor(
    private readonly service: RiskService,
    private readonly scopes: SchoolScopes,
    feed: ChangeFeed,
    private readonly logger?: Logger,
  ) {
    feed.on('change', (change) => this.onChange(change));
    feed.on('resync', () => {
      service.changed(Number.MAX_SAFE_INTEGER);
      for (const s of this.subscribers) s.recompute(true);
    });
    this.scheduleMidnight();
  }

  private scheduleMidnight(): void {
    this.midnight = setTimeout(() => {
      for (const s of this.subscribers) s.recompute(false);
      this.scheduleMidnight();
    }, msUntilTomskMidnight() + 1000);
    this.midnight.unref();
  }

  /** On shutdown: no more recomputation; resolves when those in flight are done. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.midnight) clearTimeout(this.midnight);
    for (const s of this.subscribers) s.cancel();
    await Promise.allSettled([...this.running]);
  }

  get subscriberCount(): number {
    return this.subscribers.size;
  }

  private onChange(change: Change): void {
    this.service.changed(change.version);
    if (!RISK_DOMAINS.includes(change.domain)) return;
    for (const s of this.subscribers) s.recompute(false);
  }

  subscribe(actor: Actor, question: RiskQuestion): AsyncIterable<RiskRadarResult> {
    return new Repeater<RiskRadarResult>(async (push, stop) => {
      let lastSent: string | undefined;
      let lastComputedAt = 0;
      let timer: NodeJS.Timeout | undefined;
      let running = false;
      let dirty = false;
      let force = false;
      const run = async () => {
        running = true;
        dirty = false;
        lastComputedAt = Date.now();
        try {
          const result = await scopedRadar(this.service, this.scopes, actor, question);
          const print = fingerprint(result);
          if (print !== lastSent || force) {
            lastSent = print;
            force = false;
            await push(result);
          }
        } catch (error) {
          if (this.stopped) {
            // Cut off by shutdown: nothing to report.
          } else if (this.logger) this.logger.error({ err: error }, 'live risk radar recomputation failed');
          else console.error('Live risk radar failed', error);
        } finally {
          running = false;
          if (dirty) schedule();
        }
      };
      const schedule = () => {
        dirty = true;
        if (running || timer) return;
        const wait = Math.max(0, lastComputedAt + LIVE_WINDOW_MS - Date.now());
        timer = setTimeout(() => {
          timer = undefined;
          const done = run();
          this.running.add(done);
          void done.finally(() => this.running.delete(done));
        }, wait);
      };
      const subscriber: Subscriber = {
        recompute: (forced) => {
          if (this.stopped) return;
          if (forced) force = true;
          schedule();
        },
        cancel: () => {
          if (timer) clearTimeout(timer);
          timer = undefined;
        },
      };
      // Subscribed before the first computation, so that a change meanwhile is not lost.
      this.subscribers.add(subscriber);
      running = true;
      try {
        // The current picture at once (an error, such as a bad page size, ends the subscription).
        const current = await scopedRadar(this.service, this.scopes, actor, question);
        lastSent = fingerprint(current);
        lastComputedAt = Date.now();
        await push(current);
      } catch (error) {
        this.subscribers.delete(subscriber);
        throw error;
      } finally {
        running = false;
      }
      if (dirty) schedule();
      await stop;
      this.subscribers.delete(subscriber);
      if (timer) clearTimeout(timer);
    });
  }
}
