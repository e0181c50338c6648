import type { DataSource } from 'typeorm';
import { HubError } from '../graphql/errors';
import { DIMENSION_FILTERS, GroupBy, type AggregateFilter, type AggregateResult } from './aggregate.types';
import { AnalyticsErrorCode } from './analytics.errors';
import { INDICATORS } from './catalogue';
import { FactSet } from './fact-set';
import { groupFacts } from './grouping';
import { tomskToday, type IndicatorDefinition } from './indicator';
import type { HubMetrics } from '../observability/metrics';
import type { Change, ChangeFeed } from '../realtime/change-feed';
import { SchoolDirectory } from './school-directory';

/** A version read on the feed's connection that takes longer goes to the pool (a connection silently gone). */
const FEED_READ_TIMEOUT_MS = 1000;

const stalled = (ms: number) =>
  new Promise<null>((resolve) => {
    setTimeout(() => resolve(null), ms).unref();
  });

/** Questions whose facts are kept (a question is an indicator under a filter, whatever the grouping). */
const FACT_SETS_LIMIT = 64;
/** Grouped answers kept, each valid while its facts and the directory stand. */
const ANSWERS_LIMIT = 1000;

interface Answer {
  facts: FactSet;
  stamp: number;
  directory: SchoolDirectory;
  result: AggregateResult;
}

/** The canonical form of a filter: same meaning, same cache key. */
function normalizeFilter(filter: AggregateFilter | null | undefined): AggregateFilter {
  const normalized: AggregateFilter = {};
  for (const [key, value] of Object.entries(filter ?? {}) as [keyof AggregateFilter, unknown][]) {
    if (value === null || value === undefined) continue;
    (normalized as Record<string, unknown>)[key] = Array.isArray(value) ? [...value].sort() : value;
  }
  return normalized;
}

export function aggregateKey(indicator: string, groupBy: GroupBy, filter: AggregateFilter): string {
  return JSON.stringify([indicator, groupBy, Object.entries(filter).sort(([a], [b]) => a.localeCompare(b))]);
}

/**
 * Answers `aggregate` from facts held in memory: each question's facts are
 * read whole from the rollups once, then kept current by the change feed,
 * which names the schools a committed change touched, so a write costs a
 * re-read of those schools' rows and an answer is a pass over arrays. Every
 * answer first reads the change version: if something committed that the
 * feed has not yet brought here, the facts are read whole again, so an answer
 * never misses a write that finished before it was asked.
 */
export class AggregateService {
  private readonly factSets = new Map<string, FactSet>();
  private readonly answers = new Map<string, Answer>();
  private directory: { current: SchoolDirectory; version: number } | null = null;
  /** A 'school' change (or a gap in the feed): names, municipalities and clusters are read again. */
  private directoryStale = false;
  private directoryLoad: { version: number; done: Promise<SchoolDirectory> } | null = null;
  private versionRead: Promise<number> | null = null;
  private nextVersionRead: Promise<number> | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly metrics?: HubMetrics,
    private readonly feed?: Pick<ChangeFeed, 'currentVersion'>,
  ) {}

  indicator(code: string): IndicatorDefinition {
    const indicator = INDICATORS.get(code);
    if (!indicator) {
      throw new HubError(
        AnalyticsErrorCode.UNKNOWN_INDICATOR,
        `Неизвестный показатель «${code}». Список показателей — запрос indicators`,
      );
    }
    return indicator;
  }

  /** The validated question: indicator, grouping and the canonical filter. */
  prepare(code: string, groupBy: GroupBy, filter: AggregateFilter | null | undefined) {
    const indicator = this.indicator(code);
    const normalized = normalizeFilter(filter);
    for (const name of DIMENSION_FILTERS) {
      if (normalized[name] !== undefined && !indicator.filters.includes(name)) {
        const supported = indicator.filters.length ? indicator.filters.join(', ') : 'никакие';
        throw new HubError(
          AnalyticsErrorCode.UNSUPPORTED_FILTER,
          `Показатель «${code}» не поддерживает фильтр ${name}; поддерживаемые фильтры: ${supported}`,
          { indicator: code, filter: name },
        );
      }
    }
    for (const name of indicator.requires ?? []) {
      if (normalized[name] === undefined) {
        throw new HubError(AnalyticsErrorCode.UNSUPPORTED_FILTER, `Показатель «${code}» требует фильтр ${name}`, {
          indicator: code,
          filter: name,
        });
      }
    }
    // An answer that moves with the calendar is asked afresh each day.
    const day = indicator.daily ? `@${tomskToday()}` : '';
    const key = aggregateKey(code, groupBy, normalized) + day;
    // The facts do not depend on the grouping, nor on which schools are kept.
    const { municipalityCodes: _m, clusterCodes: _c, includeDemo, ...dimensions } = normalized;
    const factsFilter: AggregateFilter = includeDemo === false ? { ...dimensions, includeDemo } : dimensions;
    const factsKey = aggregateKey(code, GroupBy.REGION, factsFilter) + day;
    return { indicator, groupBy, filter: normalized, key, factsFilter, factsKey };
  }

  async aggregate(
    code: string,
    groupBy: GroupBy,
    filter: AggregateFilter | null | undefined,
  ): Promise<AggregateResult> {
    const question = this.prepare(code, groupBy, filter);
    const version = await this.currentVersion();
    const waited = await this.currentDirectory(version);
    // The newest directory, not the one this question waited for: a question holding an older one
    // would otherwise start its facts over, and the next question with the newer one again.
    const directory = this.directory?.current ?? waited;
    const facts = await this.currentFacts(
      question.indicator,
      question.factsKey,
      question.factsFilter,
      directory,
      version,
    );
    const cached = this.answers.get(question.key);
    if (cached && cached.facts === facts && cached.stamp === facts.stamp && cached.directory === facts.positions) {
      return cached.result;
    }
    const result: AggregateResult = {
      indicator: question.indicator.code,
      groupBy,
      rows: groupFacts(facts, groupBy, question.filter).map((r) => ({
        key: r.key,
        label: r.label,
        value: valueOf(question.indicator, r.num, r.den),
        numerator: r.num,
        denominator: r.den,
      })),
      version: facts.version,
      computedAt: new Date(),
    };
    this.answers.delete(question.key);
    this.answers.set(question.key, { facts, stamp: facts.stamp, directory: facts.positions, result });
    if (this.answers.size > ANSWERS_LIMIT) this.answers.delete(this.answers.keys().next().value!);
    return result;
  }

  /**
   * A committed change: the facts it can move note the schools it names (or
   * that they must be read whole), to be read at the next question; the others
   * are current as of its version all the same.
   */
  apply(change: Change): void {
    if (change.domain === 'school') this.directoryStale = true;
    else if (this.directory) this.directory.version = Math.max(this.directory.version, change.version);
    for (const facts of this.factSets.values()) {
      if (facts.indicator.domains.includes(change.domain)) facts.changed(change.schools, change.version);
      else facts.advance(change.version);
    }
  }

  /** The feed may have missed changes: nothing held is trusted. */
  resync(): void {
    this.directoryStale = true;
    for (const facts of this.factSets.values()) facts.invalidate();
  }

  /**
   * The change version as of now: a read sent after this call, shared by every
   * answer waiting for one (many concurrent questions cost one read at a time,
   * and none is answered from a read that began before it was asked).
   */
  private currentVersion(): Promise<number> {
    if (!this.versionRead) return this.readVersion();
    this.nextVersionRead ??= this.versionRead
      .catch(() => undefined)
      .then(() => {
        this.nextVersionRead = null;
        return this.readVersion();
      });
    return this.nextVersionRead;
  }

  private readVersion(): Promise<number> {
    const fromPool = () =>
      this.dataSource
        .query('SELECT last_value::float8 AS v FROM hub_change_seq')
        .then((rows: { v: number }[]) => rows[0]!.v);
    // On the feed's own connection when it is up: no pool round, and its changes arrive first.
    const read = this.feed
      ? Promise.race([this.feed.currentVersion(), stalled(FEED_READ_TIMEOUT_MS)]).then(
          (v) => v ?? fromPool(),
          () => fromPool(),
        )
      : fromPool();
    this.versionRead = read;
    const done = () => {
      if (this.versionRead === read) this.versionRead = null;
    };
    read.then(done, done);
    return read;
  }

  private currentDirectory(version: number): Promise<SchoolDirectory> {
    const held = this.directory;
    if (held && !this.directoryStale && held.version >= version) return Promise.resolve(held.current);
    if (this.directoryLoad && this.directoryLoad.version >= version && !this.directoryStale) {
      return this.directoryLoad.done;
    }
    this.directoryStale = false;
    const load: { version: number; done: Promise<SchoolDirectory> } = {
      version,
      done: SchoolDirectory.load(this.dataSource).then((loaded) => {
        // A newer load (a change arrived meanwhile) decides what is held.
        if (this.directoryLoad !== load) return loaded;
        this.directoryLoad = null;
        const previous = this.directory?.current;
        this.directory = { current: loaded, version };
        this.adopt(previous, loaded);
        return loaded;
      }),
    };
    load.done.catch(() => {
      if (this.directoryLoad !== load) return;
      this.directoryLoad = null;
      // What was held is still not to be trusted: the next question tries again.
      this.directoryStale = true;
    });
    this.directoryLoad = load;
    return load.done;
  }

  /** Facts kept by position follow a new directory only if every school kept its position. */
  private adopt(previous: SchoolDirectory | undefined, next: SchoolDirectory): void {
    for (const [key, facts] of this.factSets) {
      if (previous && previous.samePositions(next)) facts.useDirectory(next);
      else this.factSets.delete(key);
    }
  }

  private async currentFacts(
    indicator: IndicatorDefinition,
    key: string,
    filter: AggregateFilter,
    directory: SchoolDirectory,
    version: number,
  ): Promise<FactSet> {
    let facts = this.factSets.get(key);
    if (!facts || facts.positions !== directory) {
      facts = new FactSet(this.dataSource, indicator, filter, directory, (scope) =>
        this.metrics?.aggregateFactReads.inc({ scope }),
      );
      this.factSets.set(key, facts);
      if (this.factSets.size > FACT_SETS_LIMIT) this.factSets.delete(this.factSets.keys().next().value!);
    } else {
      // Most recently used last: the least used question is the one forgotten.
      this.factSets.delete(key);
      this.factSets.set(key, facts);
    }
    await facts.current(version);
    return facts;
  }
}

export function valueOf(indicator: IndicatorDefinition, num: number, den: number): number | null {
  switch (indicator.kind) {
    case 'count':
      return num;
    case 'share':
      return den > 0 ? (100 * num) / den : null;
    case 'mean':
      return den > 0 ? num / den : null;
  }
}
