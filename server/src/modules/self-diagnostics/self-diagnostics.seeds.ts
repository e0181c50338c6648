import { SYSTEM } from '../../graphql/actor';
import { loadDemoSchools } from '../../seed/demo/school-profile';
import { DEMO_ROUNDS, generateSelfDiagnosticsDemo } from '../../seed/demo/self-diagnostics-demo';
import {
  SELF_DIAGNOSTIC_DIRECTIONS,
  SELF_DIAGNOSTIC_ROUNDS,
} from '../../seed/reference/self-diagnostics/self-diagnostics';
import type { Seed } from '../../seed/seed';
import { SelfDiagnosticDirection } from './self-diagnostic-direction.entity';
import { type SelfDiagnosticDirectionKind } from './self-diagnostic-level';
import { SelfDiagnosticRound } from './self-diagnostic-result.entity';

const DEMO_RECORDER = `${SYSTEM.displayName} (демо-данные)`;

const reference: Seed = {
  name: 'reference:self-diagnostics@1',
  demo: false,
  async run(em) {
    await em
      .createQueryBuilder()
      .insert()
      .into(SelfDiagnosticDirection)
      .values(
        SELF_DIAGNOSTIC_DIRECTIONS.map((d, i) => ({
          ...d,
          kind: d.kind as SelfDiagnosticDirectionKind,
          position: i + 1,
        })),
      )
      .orIgnore()
      .execute();
    await em
      .createQueryBuilder()
      .insert()
      .into(SelfDiagnosticRound)
      .values(SELF_DIAGNOSTIC_ROUNDS)
      .orIgnore()
      .execute();
    return SELF_DIAGNOSTIC_DIRECTIONS.length + SELF_DIAGNOSTIC_ROUNDS.length;
  },
};

/** Two rounds a year in 2024 and 2025 for every school, labelled demo, one statement per table. */
const demo: Seed = {
  name: 'demo:self-diagnostics@1',
  demo: true,
  async run(em) {
    await em
      .createQueryBuilder()
      .insert()
      .into(SelfDiagnosticRound)
      .values([...DEMO_ROUNDS])
      .orIgnore()
      .execute();
    const schools = await loadDemoSchools(em);
    let results = generateSelfDiagnosticsDemo(
      schools,
      SELF_DIAGNOSTIC_DIRECTIONS.map((d) => d.code),
    );
    // Spread over the weeks after each round's start (spring and autumn), so "when" looks like data entry.
    const recordedAt = (year: number, round: number, i: number) =>
      new Date(Date.UTC(year, round === 1 ? 2 : 9, 1 + (i % 28), 3 + (i % 8))).toISOString();
    // A result already recorded for real stays: demo data only fill gaps.
    const inserted: { key: string }[] = await em.query(
      `INSERT INTO self_diagnostic_result (school_code, year, round, total, level, is_demo, recorded_by, recorded_at)
       SELECT c, y, r, t, l::self_diagnostic_level, true, $6, a
         FROM unnest($1::text[], $2::int[], $3::int[], $4::int[], $5::text[], $7::timestamptz[]) AS x(c, y, r, t, l, a)
       ON CONFLICT DO NOTHING
       RETURNING school_code || ':' || year || ':' || round AS key`,
      [
        results.map((r) => r.schoolCode),
        results.map((r) => r.year),
        results.map((r) => r.round),
        results.map((r) => r.total),
        results.map((r) => r.level),
        DEMO_RECORDER,
        results.map((r, i) => recordedAt(r.year, r.round, i)),
      ],
    );
    const fresh = new Set(inserted.map((r) => r.key));
    results = results.filter((r) => fresh.has(`${r.schoolCode}:${r.year}:${r.round}`));
    const scores = results.flatMap((r) => r.scores.map((s) => ({ ...s, key: r })));
    if (scores.length === 0) return results.length;
    await em.query(
      `INSERT INTO self_diagnostic_score (school_code, year, round, direction_code, score)
       SELECT * FROM unnest($1::text[], $2::int[], $3::int[], $4::text[], $5::int[])`,
      [
        scores.map((s) => s.key.schoolCode),
        scores.map((s) => s.key.year),
        scores.map((s) => s.key.round),
        scores.map((s) => s.directionCode),
        scores.map((s) => s.score),
      ],
    );
    return results.length + scores.length;
  },
};

export const selfDiagnosticSeedList: Seed[] = [reference, demo];
