import { Repeater } from '@graphql-yoga/subscription';
import type { Logger } from '../observability/logger';
import type { HubMetrics } from '../observability/metrics';
import type { Change, ChangeFeed } from '../realtime/change-feed';
import type { AggregateService } from './aggregate.service';
import type { AggregateFilter, AggregateResult, GroupBy } from './aggregate.types';
import { msUntilTomskMidnight, type IndicatorDefinition } from './indicator';

/** At most one recomputation per live question in this window (the first change is answered at once). */
export const LIVE_WINDOW_MS = 250;

interface LiveQuestion {
  indicator: IndicatorDefinition;
  groupBy: GroupBy;
  filter: AggregateFilter;
  subscribers: Set<(result: AggregateResult) => void>;
  /** What subscribers last received, to push only real changes. */
  lastSent: string | undefined;
  lastComputedAt: number;
  timer: NodeJS.Timeout | undefined;
  running: boolean;
  dirty: boolean;
  /** Send even if unchanged: after a reconnection of the feed. */
  forceSend: boolean;
}

/** Rows and nothing else decide whether a result changed (not its version or time). */
function fingerprint(result: AggregateResult): string {
  return JSON.stringify(result.rows);
}

/**
 * Live `aggregateUpdated` subscriptions of this server process. Subscribers
 * asking the same question share one computation; a change marks the
 * questions of its domain dirty; each is recomputed at most once per window
 * and pushed only when its rows changed.
 */
export class LiveAggregates {
  private readonly questions = new Map<string, LiveQuestion>();
  private midnight: NodeJS.Timeout | undefined;
  /** After shutdown a recomputation in flight fails as the pool closes: that is not an error to report. */
  private stopped = false;

  constructor(
    private readonly service: AggregateService,
    feed: ChangeFeed,
    private readonly observe: { metrics?: HubMetrics; logger?: Logger } = {},
  ) {
    feed.on('change', (change) => this.onChange(change));
    feed.on('resync', () => this.onResync());
    this.scheduleMidnight();
  }

  /** At midnight in Tomsk, indicators that move with the calendar (overdue) are recomputed. */
  private scheduleMidnight(): void {
    this.midnight = setTimeout(() => {
      for (const question of this.questions.values()) if (question.indicator.daily) this.schedule(question);
      this.scheduleMidnight();
    }, msUntilTomskMidnight() + 1000);
    this.midnight.unref();
  }

  stop(): void {
    this.stopped = true;
    if (this.midnight) clearTimeout(this.midnight);
    for (const question of this.questions.values()) if (question.timer) clearTimeout(question.timer);
  }

  /** Active subscriptions, for metrics and tests. */
  get subscriberCount(): number {
    let count = 0;
    for (const q of this.questions.values()) count += q.subscribers.size;
    return count;
  }

  subscribe(
    code: string,
    groupBy: GroupBy,
    filter: AggregateFilter | null | undefined,
  ): AsyncIterable<AggregateResult> {
    const prepared = this.service.prepare(code, groupBy, filter);
    return new Repeater<AggregateResult>(async (push, stop) => {
      let question = this.questions.get(prepared.key);
      if (!question) {
        question = {
          indicator: prepared.indicator,
          groupBy,
          filter: prepared.filter,
          subscribers: new Set(),
          lastSent: undefined,
          lastComputedAt: 0,
          timer: undefined,
          running: false,
          dirty: false,
          forceSend: false,
        };
        this.questions.set(prepared.key, question);
      }
      const send = (result: AggregateResult) => void push(result);
      question.subscribers.add(send);
      try {
        // The current result at once; `aggregate` caches it for everyone asking.
        const current = await this.service.aggregate(code, groupBy, prepared.filter);
        question.lastSent ??= fingerprint(current);
        await push(current);
      } catch (error) {
        question.subscribers.delete(send);
        throw error;
      }
      await stop;
      question.subscribers.delete(send);
      if (question.subscribers.size === 0) {
        if (question.timer) clearTimeout(question.timer);
        this.questions.delete(prepared.key);
      }
    });
  }

  private onChange(change: Change): void {
    this.service.apply(change);
    for (const question of this.questions.values()) {
      if (question.indicator.domains.includes(change.domain) || change.domain === 'school') this.schedule(question);
    }
  }

  private onResync(): void {
    // Changes may have been missed while the feed was down: forget every cached
    // answer and send everyone the current state, changed or not.
    this.service.resync();
    for (const question of this.questions.values()) {
      question.forceSend = true;
      this.schedule(question);
    }
  }

  private schedule(question: LiveQuestion): void {
    question.dirty = true;
    if (question.running || question.timer) return;
    const wait = Math.max(0, question.lastComputedAt + LIVE_WINDOW_MS - Date.now());
    question.timer = setTimeout(() => {
      question.timer = undefined;
      void this.recompute(question);
    }, wait);
  }

  private async recompute(question: LiveQuestion): Promise<void> {
    question.running = true;
    question.dirty = false;
    question.lastComputedAt = Date.now();
    const started = performance.now();
    try {
      const result = await this.service.aggregate(question.indicator.code, question.groupBy, question.filter);
      this.observe.metrics?.recomputeDuration.observe(
        { indicator: question.indicator.code },
        (performance.now() - started) / 1000,
      );
      const print = fingerprint(result);
      if (print !== question.lastSent || question.forceSend) {
        question.lastSent = print;
        question.forceSend = false;
        for (const send of question.subscribers) send(result);
      }
    } catch (error) {
      const log = this.observe.logger;
      if (this.stopped) {
        // A recomputation cut off by shutdown: nothing to report.
      } else if (log)
        log.error({ err: error, indicator: question.indicator.code }, 'live aggregate recomputation failed');
      else console.error(`Live aggregate ${question.indicator.code} failed`, error);
    } finally {
      question.running = false;
      if (question.dirty && question.subscribers.size > 0) this.schedule(question);
    }
  }
}
