import type { DataSource } from 'typeorm';
import { HubError } from '../graphql/errors';
import { aggregateSql, valueOf } from './aggregate-sql';
import { DIMENSION_FILTERS, type AggregateFilter, type AggregateResult, type GroupBy } from './aggregate.types';
import { AnalyticsErrorCode } from './analytics.errors';
import { INDICATORS } from './catalogue';
import { tomskToday, type IndicatorDefinition } from './indicator';

const CACHE_LIMIT = 1000;

interface CacheEntry {
  version: number;
  result: Promise<AggregateResult>;
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
 * Answers `aggregate`: validates, then sums the rollups — once per distinct
 * question and data version. The version is the change feed's sequence: a
 * cached answer serves only while nothing changed since it was computed.
 */
export class AggregateService {
  private readonly cache = new Map<string, CacheEntry>();

  constructor(private readonly dataSource: DataSource) {}

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
    // An answer that moves with the calendar is cached per day.
    const key = aggregateKey(code, groupBy, normalized) + (indicator.daily ? `@${tomskToday()}` : '');
    return { indicator, groupBy, filter: normalized, key };
  }

  async aggregate(
    code: string,
    groupBy: GroupBy,
    filter: AggregateFilter | null | undefined,
  ): Promise<AggregateResult> {
    const question = this.prepare(code, groupBy, filter);
    const version = await this.currentVersion();
    const cached = this.cache.get(question.key);
    if (cached && cached.version === version) return cached.result;
    const result = this.compute(question.indicator, groupBy, question.filter, version);
    this.cache.delete(question.key);
    this.cache.set(question.key, { version, result });
    if (this.cache.size > CACHE_LIMIT) this.cache.delete(this.cache.keys().next().value!);
    result.catch(() => this.cache.delete(question.key));
    return result;
  }

  /**
   * A committed change with version `v`: answers computed at `v` or before may
   * have been computed while that transaction was still in flight.
   */
  changed(version: number): void {
    for (const [key, entry] of this.cache) if (entry.version <= version) this.cache.delete(key);
  }

  private async currentVersion(): Promise<number> {
    const [row] = await this.dataSource.query('SELECT last_value::float8 AS v FROM hub_change_seq');
    return row.v;
  }

  private async compute(
    indicator: IndicatorDefinition,
    groupBy: GroupBy,
    filter: AggregateFilter,
    version: number,
  ): Promise<AggregateResult> {
    const { sql, params } = aggregateSql(indicator, groupBy, filter);
    const rows: { key: string; label: string; num: number; den: number }[] = await this.dataSource.query(sql, params);
    return {
      indicator: indicator.code,
      groupBy,
      rows: rows.map((r) => ({
        key: r.key,
        label: r.label,
        value: valueOf(indicator, r.num, r.den),
        numerator: r.num,
        denominator: r.den,
      })),
      version,
      computedAt: new Date(),
    };
  }
}
