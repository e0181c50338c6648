import type { DataSource } from 'typeorm';
import type { AggregateFilter } from './aggregate.types';
import { param, type IndicatorDefinition } from './indicator';
import type { SchoolDirectory } from './school-directory';

/** A fact above school level: a municipality's (plan targets) or the region's. */
export interface AreaFact {
  municipalityCode: string | null;
  num: number;
  den: number;
}

interface FactRow {
  school_code: string | null;
  municipality_code: string | null;
  num: number;
  den: number;
}

/**
 * One question's facts (an indicator under a filter) summed per school, in
 * arrays by the directory's positions, plus the facts above school level.
 * Read whole once; after that a committed change only notes the schools it
 * names, and the next question re-reads just those schools' rows, so keeping
 * a live answer costs a few rows per write instead of a pass over every
 * school. Nothing is read until somebody asks.
 */
export class FactSet {
  num: Float64Array;
  den: Float64Array;
  /** 1 where the school has a fact row at all (it is listed by school then). */
  present: Uint8Array;
  areas: AreaFact[] = [];
  /** The change version these facts include, once the noted schools are read; -1 until read whole. */
  version = -1;
  /** Bumped on every change of the facts: grouped answers remember it. */
  stamp = 0;
  /** Schools named by changes since their facts were read. */
  private pending = new Set<string>();
  private stale = true;
  private syncing: Promise<void> | null = null;

  constructor(
    private readonly dataSource: DataSource,
    readonly indicator: IndicatorDefinition,
    readonly filter: AggregateFilter,
    private directory: SchoolDirectory,
    /** Told of each read: whole, or only the schools a change named. */
    private readonly onRead: (scope: 'whole' | 'schools') => void = () => {},
  ) {
    const n = directory.schools.length;
    this.num = new Float64Array(n);
    this.den = new Float64Array(n);
    this.present = new Uint8Array(n);
  }

  get positions(): SchoolDirectory {
    return this.directory;
  }

  /**
   * A committed change that can move these facts: the schools it names are
   * read again before the next answer; a change naming no school, or facts
   * that are not a school's own under this filter, are read whole.
   */
  changed(schools: readonly string[] | null, version: number): void {
    const incremental = this.indicator.incremental?.(this.filter) ?? false;
    if (schools && incremental) for (const code of schools) this.pending.add(code);
    else this.stale = true;
    this.advance(version);
  }

  /** A change that cannot move these facts: they are current as of its version all the same. */
  advance(version: number): void {
    if (this.version >= 0) this.version = Math.max(this.version, version);
  }

  /** The facts can no longer be trusted (the feed missed changes): read whole on next use. */
  invalidate(): void {
    this.stale = true;
  }

  /** The directory changed its attributes but not its positions: grouping reads the new one. */
  useDirectory(directory: SchoolDirectory): void {
    this.directory = directory;
    this.stamp++;
  }

  /**
   * Brings the facts up to date for an answer at change version `version`: if
   * something committed that the feed has not brought yet (or the facts were
   * never read), they are read whole; else the schools changes named are read.
   * One read at a time, shared by everyone waiting.
   */
  async current(version: number): Promise<void> {
    // Changes keep arriving while a read runs; a few rounds catch up with them.
    for (let round = 0; round < 3; round++) {
      if (this.syncing) {
        await this.syncing;
        continue;
      }
      const whole = this.stale || this.version < version;
      if (!whole && this.pending.size === 0) return;
      const sync = whole ? this.readWhole(version) : this.readSchools();
      this.syncing = sync.finally(() => (this.syncing = null));
      await this.syncing;
    }
  }

  private async readWhole(version: number): Promise<void> {
    // Changes arriving from here on are read again afterwards: the read may or may not see them.
    this.stale = false;
    this.pending.clear();
    try {
      const rows = await this.read(null);
      const n = this.directory.schools.length;
      this.num = new Float64Array(n);
      this.den = new Float64Array(n);
      this.present = new Uint8Array(n);
      this.areas = [];
      this.apply(rows);
      this.version = Math.max(this.version, version);
    } catch (error) {
      this.stale = true;
      throw error;
    }
  }

  private async readSchools(): Promise<void> {
    const schools = [...this.pending];
    this.pending.clear();
    try {
      const rows = await this.read(schools);
      for (const code of schools) {
        const at = this.directory.index.get(code);
        if (at === undefined) continue;
        this.num[at] = 0;
        this.den[at] = 0;
        this.present[at] = 0;
      }
      this.apply(rows.filter((r) => r.school_code !== null));
    } catch (error) {
      for (const code of schools) this.pending.add(code);
      throw error;
    }
  }

  private apply(rows: FactRow[]): void {
    for (const row of rows) {
      if (row.school_code === null) {
        this.areas.push({ municipalityCode: row.municipality_code, num: row.num, den: row.den });
        continue;
      }
      // Facts of a school the directory does not know are not counted (as a join with school would not).
      const at = this.directory.index.get(row.school_code);
      if (at === undefined) continue;
      this.num[at]! += row.num;
      this.den[at]! += row.den;
      this.present[at] = 1;
    }
    this.stamp++;
  }

  private read(schools: readonly string[] | null): Promise<FactRow[]> {
    this.onRead(schools ? 'schools' : 'whole');
    const params: unknown[] = [];
    const facts = this.indicator.facts(this.filter, params);
    const only = schools ? `WHERE f.school_code = ANY(${param(params, schools)}::text[])` : '';
    return this.dataSource.query(
      `SELECT f.school_code, f.municipality_code, sum(f.num)::float8 AS num, sum(f.den)::float8 AS den
         FROM (${facts}) f ${only}
        GROUP BY f.school_code, f.municipality_code`,
      params,
    );
  }
}
