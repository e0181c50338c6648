import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KEPT_PIECE_BYTES, keptFileBytes } from '../../server/src/modules/imports/kept-file';
import { startTestHub, type TestHub } from '../harness/hub';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub?.close());

async function upload(kind: string, name: string, content: Buffer | string, query = ''): Promise<Response> {
  const form = new FormData();
  form.append('file', new Blob([content]), name);
  return fetch(`${hub.url}api/imports/${kind}${query}`, { method: 'POST', body: form, headers: hub.admin.headers });
}

const JOB = `query ($id: ID!) { importJob(id: $id) {
  id kind fileName status phase rowsRead inserted updated unchanged rejected error warnings
  problems { line column message } rejectedCsvUrl rejectedXlsxUrl
} }`;

async function waitForJob(id: string): Promise<any> {
  for (let i = 0; i < 100; i++) {
    const { importJob } = await hub.gqlOk(JOB, { id });
    if (importJob.phase === 'DONE') return importJob;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('import did not finish');
}

describe('POST /api/imports/<kind>', () => {
  it('starts a job, streams its progress, and reports it', async () => {
    const rows = Array.from(
      { length: 3000 },
      (_, i) => `sch78${String(i).padStart(4, '0')};Томский район;Школа ${i} (тест);${100 + (i % 500)}`,
    );
    const content = ['Код ОО;Муниципалитет;Полное наименование;Обучающихся', ...rows].join('\n');
    const response = await upload('schools', 'many.csv', content);
    expect(response.status).toBe(202);
    const { id } = (await response.json()) as { id: string };
    expect(id).toMatch(/^[0-9a-f-]{36}$/);

    const progress = hub.subscribe<{ importProgress: { phase: string; status: string; rowsRead: number } }>(
      'subscription ($id: ID!) { importProgress(jobId: $id) { jobId phase status rowsRead rejected } }',
      { id },
    );
    const events: { phase: string; status: string; rowsRead: number }[] = [];
    for (;;) {
      const message = await progress.next(10_000);
      expect(message.errors).toBeUndefined();
      events.push(message.data!.importProgress);
      if (message.data!.importProgress.phase === 'DONE') break;
    }
    await progress.close();
    expect(events.at(-1)).toMatchObject({ phase: 'DONE', status: 'APPLIED', rowsRead: 3000 });

    const job = await waitForJob(id);
    expect(job).toMatchObject({
      kind: 'schools',
      fileName: 'many.csv',
      status: 'APPLIED',
      inserted: 3000,
      rejected: 0,
    });
    expect(job.rejectedCsvUrl).toBeNull();
  });

  it('gives the current state at once to a late subscriber, then ends', async () => {
    const response = await upload(
      'schools',
      'one.csv',
      'Код ОО;Муниципалитет;Полное наименование\nsch780999;г. Томск;Школа\n',
    );
    const { id } = (await response.json()) as { id: string };
    await waitForJob(id);
    const late = hub.subscribe('subscription ($id: ID!) { importProgress(jobId: $id) { phase status rowsRead } }', {
      id,
    });
    expect((await late.next()).data).toEqual({ importProgress: { phase: 'DONE', status: 'APPLIED', rowsRead: 1 } });
    await late.close();
  });

  it('reports rejected rows and lets them be downloaded, formulas escaped', async () => {
    const content = fs.readFileSync(path.resolve(__dirname, 'fixtures', 'schools-formula.csv'));
    const { id } = (await (await upload('schools', 'formula.csv', content)).json()) as { id: string };
    const job = await waitForJob(id);
    expect(job).toMatchObject({ status: 'REJECTED', rejected: 1, inserted: 0 });
    expect(job.problems).toEqual([
      { line: 4, column: 'Муниципалитет', message: 'Неизвестный муниципалитет «Атлантида»' },
    ]);

    const csv = await fetch(`${hub.url}${job.rejectedCsvUrl.slice(1)}`, { headers: hub.admin.headers });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-disposition')).toMatch(/filename\*=UTF-8''formula-/);
    const text = await csv.text();
    expect(text.replace(/^\uFEFF/, '').split('\r\n')).toEqual([
      'Строка;Код ОО;Муниципалитет;Полное наименование;Краткое наименование;Ошибки',
      "4;sch700303;Атлантида;'=1+2;'+плюс;Муниципалитет: Неизвестный муниципалитет «Атлантида»",
      '',
    ]);

    const xlsx = await fetch(`${hub.url}${job.rejectedXlsxUrl.slice(1)}`, { headers: hub.admin.headers });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as never);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(2).getCell(4).value).toBe("'=1+2");
    expect(sheet.getRow(2).getCell(4).type).toBe(ExcelJS.ValueType.String);
  });

  it('applies valid rows with partial=true', async () => {
    const content = fs.readFileSync(path.resolve(__dirname, 'fixtures', 'schools-formula.csv'));
    const { id } = (await (await upload('schools', 'formula.csv', content, '?partial=true')).json()) as { id: string };
    expect(await waitForJob(id)).toMatchObject({ status: 'APPLIED', inserted: 2, rejected: 1 });
  });

  it('keeps the uploaded file whole: the upload is removed only once it is kept', async () => {
    const content = Buffer.from(randomBytes(Math.ceil(KEPT_PIECE_BYTES * 1.6)).toString('base64'));
    const { id } = (await (await upload('schools', 'noise.csv', content)).json()) as { id: string };
    expect(await waitForJob(id)).toMatchObject({ status: 'REJECTED' });
    const pieces: Buffer[] = [];
    for await (const piece of keptFileBytes(hub.hub.dataSource.manager, id)) pieces.push(piece);
    expect(Buffer.concat(pieces).equals(content)).toBe(true);
    const [job] = await hub.sql('SELECT file_size, sha256 FROM import_job WHERE id = $1', [id]);
    expect(job).toEqual({
      file_size: String(content.length),
      sha256: createHash('sha256').update(content).digest('hex'),
    });
  });

  it('refuses unknown kinds and requests without a file', async () => {
    const unknown = await upload('pupils', 'x.csv', 'a');
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as any).error.message).toMatch(/Неизвестный вид импорта «pupils»/);
    const noFile = await fetch(`${hub.url}api/imports/schools`, {
      method: 'POST',
      body: new FormData(),
      headers: hub.admin.headers,
    });
    expect(noFile.status).toBe(400);
    const notMultipart = await fetch(`${hub.url}api/imports/schools`, {
      method: 'POST',
      body: 'x',
      headers: hub.admin.headers,
    });
    expect(notMultipart.status).toBe(400);
  });

  it('requires a signed-in region admin to upload, and the job’s owner to download', async () => {
    const form = new FormData();
    form.append('file', new Blob(['Код ОО;Муниципалитет;Полное наименование\n']), 'x.csv');
    const anonymous = await fetch(`${hub.url}api/imports/schools`, { method: 'POST', body: form });
    expect(anonymous.status).toBe(401);
    const { id } = (await (
      await upload('schools', 'a.csv', 'Код ОО;Муниципалитет;Полное наименование\nsch7;Томск;x\n')
    ).json()) as {
      id: string;
    };
    await waitForJob(id);
    expect((await fetch(`${hub.url}api/imports/${id}/rejected.csv`)).status).toBe(401);
  });

  it('lists the kinds and their columns', async () => {
    const { importKinds } = await hub.gqlOk('{ importKinds { kind title columns { header required } } }');
    const schools = importKinds.find((k: { kind: string }) => k.kind === 'schools');
    expect(
      schools.columns.filter((c: { required: boolean }) => c.required).map((c: { header: string }) => c.header),
    ).toEqual(['Код ОО', 'Муниципалитет', 'Полное наименование']);
  });
});
