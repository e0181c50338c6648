import type { SchoolResultRow } from '../../server/src/modules/assessments/assessment-rows';
import { writes } from '../assessments/crafted';
import { createSchool } from '../harness/factories';
import type { TestHub } from '../harness/hub';

export const SCHOOL_RISK = `query ($code: String!) {
  schoolRisk(code: $code) {
    schoolCode level levelTitle score previousLevel previousScore change previousSignalCodes
    signals { code title weight explanation source { domain section key } date evidence { explanation source { key } } }
  }
}`;

export interface Signal {
  code: string;
  weight: number;
  explanation: string;
  source: { domain: string; section: string; key: string };
  evidence: { explanation: string; source: { key: string } }[];
}

export interface Risk {
  schoolCode: string;
  level: string;
  score: number;
  previousLevel: string;
  previousScore: number;
  change: string;
  previousSignalCodes: string[];
  signals: Signal[];
}

export async function riskOf(hub: TestHub, code: string): Promise<Risk> {
  return (await hub.gqlOk<{ schoolRisk: Risk }>(SCHOOL_RISK, { code })).schoolRisk;
}

export async function signalCodes(hub: TestHub, code: string): Promise<string[]> {
  return (await riskOf(hub, code)).signals.map((s) => s.code);
}

/** Changes a rule through the API, as the department would. */
export async function setRule(
  hub: TestHub,
  code: string,
  change: { weight?: number; enabled?: boolean; params?: Record<string, number> },
): Promise<void> {
  await hub.gqlOk(`mutation ($input: UpdateRiskRuleInput!) { updateRiskRule(input: $input) { code } }`, {
    input: { code, ...change },
  });
}

/** A reported school-level row with the journal comparison. */
export function result(
  schoolCode: string,
  key: { procedureCode?: string; subjectCode: string; year?: number; grade: number },
  figures: { participants: number; count2: number; lowered?: number; raised?: number },
): SchoolResultRow {
  const journal =
    figures.lowered === undefined && figures.raised === undefined
      ? {}
      : {
          journalLowered: figures.lowered ?? 0,
          journalRaised: figures.raised ?? 0,
          journalConfirmed: figures.participants - (figures.lowered ?? 0) - (figures.raised ?? 0),
        };
  return {
    schoolCode,
    procedureCode: key.procedureCode ?? 'VPR',
    subjectCode: key.subjectCode,
    year: key.year ?? 2025,
    grade: key.grade,
    participants: figures.participants,
    count2: figures.count2,
    count3: figures.participants - figures.count2,
    count4: 0,
    count5: 0,
    ...journal,
  };
}

/** A fresh school with these results (written through the import's write path). */
export async function schoolWith(hub: TestHub, rows: ((code: string) => SchoolResultRow)[]): Promise<string> {
  const { code } = await createSchool(hub);
  if (rows.length) await writes(hub).upsertSchoolResults(rows.map((row) => row(code)));
  return code;
}

/** A ВСОКО evaluation of a sample school in the 2024 campaign with these block scores. */
export async function evaluate(hub: TestHub, code: string, scores: [number, number, number, number]): Promise<void> {
  await hub.sql(`INSERT INTO vsoko_evaluation (school_code, campaign_year, recorded_by) VALUES ($1, 2024, 'тест')`, [
    code,
  ]);
  await hub.sql(
    `INSERT INTO vsoko_block_score (school_code, campaign_year, block_number, score)
     SELECT $1, 2024, n, s FROM unnest($2::int[]) WITH ORDINALITY AS u(s, n)`,
    [code, scores],
  );
}

export async function list(hub: TestHub, code: string, year: number, category = 'shnor'): Promise<void> {
  await hub.sql(`INSERT INTO shnor_listing (school_code, year, category, updated_by) VALUES ($1, $2, $3, 'тест')`, [
    code,
    year,
    category,
  ]);
}

export async function selfDiagnostic(hub: TestHub, code: string, year: number, round: number, level: string) {
  await hub.sql(
    `INSERT INTO self_diagnostic_result (school_code, year, round, level, recorded_by) VALUES ($1, $2, $3, $4, 'тест')`,
    [code, year, round, level],
  );
}
