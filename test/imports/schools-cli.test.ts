import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keptFileBytes } from '../../server/src/modules/imports/kept-file';
import { runHub } from '../harness/cli';
import { startTestHub, type TestHub } from '../harness/hub';

const fixture = (name: string) => path.resolve(__dirname, 'fixtures', name);

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub?.close());

async function schoolCount(): Promise<number> {
  return (await hub.sql<{ n: number }>('SELECT count(*)::int AS n FROM school'))[0]!.n;
}

describe('pnpm hub import schools', () => {
  it('applies a file (exit 0), then finds nothing to change in the same file', async () => {
    const before = await schoolCount();
    const first = await runHub(['import', 'schools', fixture('schools-utf8-bom.csv')], hub.databaseUrl);
    expect(first.code, first.stdout + first.stderr).toBe(0);
    expect(first.stdout).toMatch(/Прочитано: 2; добавлено: 2; обновлено: 0; без изменений: 0; отклонено: 0/);
    expect(first.stdout).toMatch(/Итог: применён/);
    expect(await schoolCount()).toBe(before + 2);

    const [school] = await hub.sql(`SELECT * FROM school WHERE code = 'sch700102'`);
    expect(school).toMatchObject({
      municipality_code: 'kargasoksky',
      short_name: 'МКОУ Пример-Югинская ООШ',
      locality: 'rural',
      student_count: 48,
      distance_to_tomsk_km: 520.5,
      year_round_road: false,
      is_demo: false,
      cluster_code: 'K5',
    });

    const second = await runHub(['import', 'schools', fixture('schools-utf8-bom.csv')], hub.databaseUrl);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/добавлено: 0; обновлено: 0; без изменений: 2; отклонено: 0/);
  });

  it('rejects a file with bad rows (exit 1), naming line, column and problem, and changes nothing', async () => {
    const before = await hub.sql('SELECT code, full_name, updated_at FROM school ORDER BY code');
    const result = await runHub(['import', 'schools', fixture('schools-bad.csv')], hub.databaseUrl);
    expect(result.code).toBe(1);
    const out = result.stdout;
    expect(out).toMatch(/3\s+Муниципалитет\s+Неизвестный муниципалитет «Новосибирский район»/);
    expect(out).toMatch(/4\s+Обучающихся\s+«много» — не число/);
    expect(out).toMatch(/5\s+Расстояние до Томска, км\s+-5 км — вне допустимого диапазона/);
    expect(out).toMatch(/2\s+—\s+Повтор в файле: строка 2 — также в строке 6/);
    expect(out).toMatch(/6\s+—\s+Повтор в файле: строка 6 — также в строке 2/);
    expect(out).toMatch(/отклонено: 5/);
    expect(out).toMatch(/Итог: отклонён — ничего не изменено/);
    expect(await hub.sql('SELECT code, full_name, updated_at FROM school ORDER BY code')).toEqual(before);
  });

  it('with --partial applies the valid rows and reports the rest', async () => {
    const result = await runHub(['import', 'schools', fixture('schools-bad.csv'), '--partial'], hub.databaseUrl);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/добавлено: 0; обновлено: 0; без изменений: 0; отклонено: 5/);
    const bad = await runHub(['import', 'schools', fixture('schools-formula.csv'), '--partial'], hub.databaseUrl);
    expect(bad.stdout).toMatch(/добавлено: 2;.*отклонено: 1/);
  });

  it('with --dry-run counts what would change and writes nothing', async () => {
    await hub.sql(`DELETE FROM school WHERE code IN ('sch700101', 'sch700102')`);
    const before = await schoolCount();
    const result = await runHub(['import', 'schools', fixture('schools-utf8-bom.csv'), '--dry-run'], hub.databaseUrl);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/добавлено \(было бы\): 2/);
    expect(result.stdout).toMatch(/пробный запуск/);
    expect(await schoolCount()).toBe(before);
  });

  it('stores formula-looking text as written', async () => {
    const rows = await hub.sql(
      `SELECT code, full_name, short_name FROM school WHERE code LIKE 'sch7003%' ORDER BY code`,
    );
    expect(rows).toEqual([
      { code: 'sch700301', full_name: '=HYPERLINK("http://evil.example";"Школа")', short_name: '@SUM(1+1)' },
      { code: 'sch700302', full_name: '+7 Школа', short_name: '-минус' },
    ]);
  });

  it('refuses usage errors with exit 2', async () => {
    expect((await runHub(['import', 'schools'], hub.databaseUrl)).code).toBe(2);
    const unknown = await runHub(['import', 'pupils', fixture('schools-bad.csv')], hub.databaseUrl);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/Неизвестный вид импорта «pupils»/);
    const missing = await runHub(['import', 'schools', fixture('nope.csv')], hub.databaseUrl);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/Файл не найден/);
    expect((await runHub(['import', 'schools', fixture('schools-bad.csv'), '--force'], hub.databaseUrl)).code).toBe(2);
  });

  it('records every import: who, file, size, checksum, counts, outcome', async () => {
    const jobs = await hub.sql(
      `SELECT id, kind, file_name, file_size, sha256, user_name, status, rows_read, rejected, dry_run, partial
         FROM import_job ORDER BY created_at`,
    );
    expect(jobs.length).toBeGreaterThanOrEqual(6);
    expect(jobs[0]).toMatchObject({
      kind: 'schools',
      file_name: 'schools-utf8-bom.csv',
      status: 'applied',
      rows_read: 2,
    });
    const original = fs.readFileSync(fixture('schools-utf8-bom.csv'));
    expect(jobs[0]!.sha256).toBe(createHash('sha256').update(original).digest('hex'));
    expect(Number(jobs[0]!.file_size)).toBe(original.length);
    const kept: Buffer[] = [];
    for await (const piece of keptFileBytes(hub.hub.dataSource.manager, jobs[0]!.id)) kept.push(piece);
    expect(Buffer.concat(kept).equals(original)).toBe(true);
    expect(jobs[0]!.user_name).toMatch(/^командная строка/);
    expect(jobs.some((j) => j.status === 'rejected' && j.rejected === 5)).toBe(true);
    expect(jobs.some((j) => j.status === 'checked' && j.dry_run)).toBe(true);
  });
});
