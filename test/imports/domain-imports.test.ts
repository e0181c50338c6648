import { beforeAll, describe, expect, it } from 'vitest';
import { ImportsService } from '../../server/src/modules/imports';
import { insertVsokoCampaign } from '../../server/src/modules/vsoko/vsoko.seeds';
import { VSOKO_CAMPAIGN_2024 } from '../../server/src/seed/reference/vsoko/vsoko-2024';
import type { TestHub } from '../harness/hub';
import { readCsv, type Scratch, withHubAndScratch } from './file-variants';
import { importInProcess } from './in-process';

let hub: TestHub;
let scratch: Scratch;
let schools: string[];
withHubAndScratch((started) => ({ hub, scratch } = started));
beforeAll(async () => {
  schools = (await hub.sql<{ code: string }>(`SELECT code FROM school ORDER BY code`)).map((s) => s.code);
  // A later campaign that samples every school and drops one document from the list.
  await insertVsokoCampaign(hub.hub.dataSource.manager, {
    ...VSOKO_CAMPAIGN_2024,
    year: 2025,
    title: 'Мониторинг ВСОКО 2025 (тест)',
    documents: VSOKO_CAMPAIGN_2024.documents.filter((d) => d.code !== 'vsoko-regulation'),
    sample: schools,
  });
});

const csv = (rows: (string | number)[][]) => rows.map((r) => r.join(';')).join('\n');

/** Runs an import in this process, counting the statements it sends. */
async function importCounting(kind: string, name: string, content: string) {
  const before = hub.queries.count;
  const job = await importInProcess(hub, kind, scratch.file(name, content));
  return { job, statements: hub.queries.count - before };
}

async function upload(kind: string, name: string, content: string): Promise<any> {
  const form = new FormData();
  form.append('file', new Blob([content]), name);
  const response = await fetch(`${hub.url}api/imports/${kind}`, {
    method: 'POST',
    body: form,
    headers: hub.admin.headers,
  });
  expect(response.status).toBe(202);
  const { id } = (await response.json()) as { id: string };
  for (let i = 0; i < 200; i++) {
    const { importJob } = await hub.gqlOk(
      `query ($id: ID!) { importJob(id: $id) { phase status inserted updated unchanged rejected } }`,
      { id },
    );
    if (importJob.phase === 'DONE') return importJob;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('import did not finish');
}

describe('ВСОКО and self-diagnostics imports', () => {
  it('record the user who uploaded the file as «who», as the mutations do', async () => {
    const [admin] = await hub.sql(`SELECT id FROM app_user WHERE username = 'test-admin'`);
    const vsoko = await upload(
      'vsoko-evaluations',
      'v.csv',
      csv([
        ['Код ОО', 'Год', 'Блок 1', 'Блок 2', 'Блок 3', 'Блок 4'],
        ['sch700030', 2024, 5, 7, 3, 5],
      ]),
    );
    expect(vsoko).toMatchObject({ status: 'APPLIED', updated: 1 });
    const selfdiag = await upload(
      'self-diagnostics',
      's.csv',
      csv([
        ['Код ОО', 'Год', 'Этап', 'Знание', 'Итого', 'Уровень'],
        ['sch700030', 2026, 1, 12, '', 'базовый'],
      ]),
    );
    expect(selfdiag).toMatchObject({ status: 'APPLIED', inserted: 1 });
    const { school } = await hub.gqlOk(`{ school(code: "sch700030") {
      vsoko(year: 2024) { recordedBy isDemo zone { code } }
      selfDiagnostics(year: 2026) { round recordedBy isDemo total level }
    } }`);
    expect(school).toEqual({
      vsoko: { recordedBy: 'test-admin', isDemo: false, zone: { code: 'LOW' } },
      selfDiagnostics: [{ round: 1, recordedBy: 'test-admin', isDemo: false, total: null, level: 'BASE' }],
    });
    const rows = await hub.sql(
      `SELECT recorded_by_user_id AS id FROM vsoko_evaluation WHERE school_code = 'sch700030' AND campaign_year = 2024
       UNION ALL
       SELECT recorded_by_user_id FROM self_diagnostic_result WHERE school_code = 'sch700030' AND year = 2026`,
    );
    expect(rows).toEqual([{ id: admin!.id }, { id: admin!.id }]);
    // The round the file names now exists, as after a submission.
    expect(await hub.sql(`SELECT * FROM self_diagnostic_round WHERE year = 2026`)).toEqual([{ year: 2026, round: 1 }]);
  });

  it('list the columns they read, those of the campaigns’ documents and passport and the directions included', async () => {
    const { importKinds } = await hub.gqlOk('{ importKinds { kind columns { header aliases required } } }');
    const columns = (kind: string) => importKinds.find((k: any) => k.kind === kind).columns;
    const vsoko = columns('vsoko-evaluations');
    expect(vsoko.filter((c: any) => c.required).map((c: any) => c.header)).toEqual([
      'Код ОО',
      'Год',
      'Блок 1',
      'Блок 2',
      'Блок 3',
      'Блок 4',
    ]);
    expect(vsoko).toContainEqual({
      header: 'Положение о ВСОКО',
      aliases: ['Положение о ВСОКО (при наличии)'],
      required: false,
    });
    expect(vsoko).toContainEqual({ header: 'Методист', aliases: [], required: false });
    expect(vsoko.filter((c: any) => /^Заместитель руководителя/.test(c.header))).toHaveLength(7);
    expect(
      columns('self-diagnostics')
        .filter((c: any) => !c.required)
        .map((c: any) => c.header),
    ).toEqual([
      'Итого',
      'Знание',
      'Воспитание',
      'Здоровье',
      'Творчество',
      'Профориентация',
      'Учитель. Школьная команда',
      'Школьный климат',
      'Образовательная среда',
    ]);
  });

  it('judge each row by its own campaign’s lists', async () => {
    const header = ['Код ОО', 'Год', 'Блок 1', 'Блок 2', 'Блок 3', 'Блок 4', 'Положение о ВСОКО'];
    const { job } = await importCounting(
      'vsoko-evaluations',
      'campaigns.csv',
      csv([header, ['sch790001', 2025, 5, 7, 3, 5, ''], ['sch790002', 2025, 5, 7, 3, 5, 'https://x.example/v.pdf']]),
    );
    expect(job).toMatchObject({ status: 'rejected', rejected: 1 });
    const [rejected] = await new ImportsService(hub.hub.dataSource, hub.hub.pubSub).rejectedRows(job.id, 10);
    expect(rejected).toMatchObject({
      line: 3,
      problems: [
        {
          column: 'Положение о ВСОКО',
          message: '«Положение о ВСОКО» нет в перечне документов мониторинга ВСОКО 2025 года',
        },
      ],
    });
  });

  it('write set-wise: thousands of rows take as many statements as a dozen, and seconds', async () => {
    const [header, ...example] = readCsv('self-diagnostics.example.csv');
    const row = (code: string, year: number, round: number, i: number) => {
      const scores = example[i % example.length]!.slice(3, 11);
      return [code, year, round, ...scores, scores.reduce((s, x) => s + Number(x), 0), 'базовый'];
    };
    const small = await importCounting(
      'self-diagnostics',
      'small.csv',
      csv([header!, ...schools.slice(0, 12).map((code, i) => row(code, 2030, 1, i))]),
    );
    const rows = [2030, 2031, 2032, 2033, 2034].flatMap((year) =>
      [1, 2].flatMap((round) => schools.map((code, i) => row(code, year, round, i))),
    );
    expect(rows.length).toBeGreaterThan(2500);
    const big = await importCounting('self-diagnostics', 'big.csv', csv([header!, ...rows]));
    expect(small.job).toMatchObject({ status: 'applied', inserted: 12 });
    expect(big.job).toMatchObject({ status: 'applied', inserted: rows.length - 12, unchanged: 12, rejected: 0 });
    // One more staging batch of 2000 rows; nothing per row.
    expect(big.statements - small.statements).toBeLessThanOrEqual(2);
    expect(big.job.durationMs).toBeLessThan(10_000);
    const again = await importCounting('self-diagnostics', 'big.csv', csv([header!, ...rows]));
    expect(again.job).toMatchObject({ inserted: 0, updated: 0, unchanged: rows.length });

    const vsokoHeader = ['Код ОО', 'Год', 'Блок 1', 'Блок 2', 'Блок 3', 'Блок 4', 'Эксперт', 'Методист', 'Педагогов'];
    const vsokoRow = (code: string, i: number) => [
      code,
      2025,
      i % 14,
      i % 17,
      i % 9,
      i % 13,
      `Эксперт ${i % 5}`,
      'да',
      i,
    ];
    const fewVsoko = await importCounting(
      'vsoko-evaluations',
      'few.csv',
      csv([vsokoHeader, ...schools.slice(0, 12).map(vsokoRow)]),
    );
    const allVsoko = await importCounting('vsoko-evaluations', 'all.csv', csv([vsokoHeader, ...schools.map(vsokoRow)]));
    expect(fewVsoko.job).toMatchObject({ status: 'applied', inserted: 12 });
    expect(allVsoko.job).toMatchObject({ status: 'applied', inserted: schools.length - 12, unchanged: 12 });
    expect(allVsoko.statements - fewVsoko.statements).toBeLessThanOrEqual(1);
  });
});
