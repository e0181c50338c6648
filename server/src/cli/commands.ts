import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline/promises';
import type { ParseArgsConfig } from 'node:util';
import pg from 'pg';
import { loadConfig } from '../config';
import { createDataSource } from '../db/data-source';
import { migrate } from '../db/migrate';
import { runSeeds } from '../seed/run-seeds';
import { EMBEDDED_DATABASE, openDatabase } from './database';

export interface Command {
  summary: string;
  options?: ParseArgsConfig['options'];
  run(values: Record<string, string | boolean | undefined>, positionals: string[]): Promise<number>;
}

const SCHEMA_FILE = path.resolve(__dirname, '..', '..', '..', 'schema', 'schema.graphql');

async function withDataSource<T>(action: (ds: ReturnType<typeof createDataSource>) => Promise<T>): Promise<T> {
  const db = await openDatabase();
  const dataSource = createDataSource({ url: db.url, poolSize: 4, applicationName: 'hub-cli' });
  try {
    await dataSource.initialize();
    return await action(dataSource);
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await db.close();
  }
}

async function migrateAndSeed(demo: boolean): Promise<void> {
  await withDataSource(async (ds) => {
    const applied = await migrate(ds);
    console.log(
      applied.length ? `Применены миграции: ${applied.map((m) => m.name).join(', ')}` : 'Миграции: всё уже применено.',
    );
    const seeds = await runSeeds(ds, { demo });
    for (const s of seeds.applied) console.log(`Загружено: ${s.name} (${s.rows} строк)`);
    if (seeds.applied.length === 0) console.log('Данные: всё уже загружено.');
  });
}

async function confirm(question: string): Promise<boolean> {
  if (!process.stdin.isTTY) return false;
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
  try {
    return /^(y|yes|д|да)$/i.test((await rl.question(`${question} [y/N] `)).trim());
  } finally {
    rl.close();
  }
}

/**
 * Each command loads its own code when it runs (the `import(…)`s below): a command starts
 * without loading the others' — the GraphQL schema, the backup, the generator.
 */
export const commands: Record<string, Command> = {
  import: {
    summary:
      'импорт файла: import <вид> <файл> [--dry-run] [--partial] (0 — применён, 1 — отклонён, 2 — ошибка вызова)',
    options: { 'dry-run': { type: 'boolean' }, partial: { type: 'boolean' } },
    run: async (values, positionals) => (await import('./import-command.js')).importCommand(values, positionals),
  },
  user: {
    summary:
      'пользователи: user add <имя> --role <роль> [--municipality <код>] [--school <код>] [--assign <коды>] [--name <ФИО>] ' +
      '(пароль — со стандартного ввода) | user list | user disable <имя>',
    options: {
      role: { type: 'string' },
      municipality: { type: 'string' },
      school: { type: 'string' },
      assign: { type: 'string' },
      name: { type: 'string' },
    },
    run: async (values, positionals) => (await import('./user-command.js')).userCommand(values, positionals),
  },
  migrate: {
    summary: 'применить миграции схемы базы данных',
    async run() {
      await withDataSource(async (ds) => {
        const applied = await migrate(ds);
        console.log(applied.length ? `Применены: ${applied.map((m) => m.name).join(', ')}` : 'Всё уже применено.');
      });
      return 0;
    },
  },
  seed: {
    summary: 'загрузить справочники (и демо-данные, если HUB_DEMO_DATA не false); повторный запуск ничего не меняет',
    async run() {
      await migrateAndSeed(loadConfig().seedDemo);
      return 0;
    },
  },
  'db:reset': {
    summary: 'удалить встроенную базу и создать заново (миграции, справочники, демо); --yes без вопросов',
    options: { yes: { type: 'boolean', short: 'y' } },
    async run(values) {
      if (loadConfig().databaseUrl !== undefined) {
        console.error(
          'db:reset работает только со встроенной базой; DATABASE_URL задан — сбрасывайте внешнюю базу её средствами.',
        );
        return 2;
      }
      if (!values.yes && !(await confirm('Удалить все данные встроенной базы и создать её заново?'))) {
        console.error('Отменено. Для запуска без вопроса добавьте --yes.');
        return process.stdin.isTTY ? 1 : 2;
      }
      const db = await openDatabase({ create: false });
      try {
        const client = new pg.Client({ connectionString: db.adminUrl });
        await client.connect();
        await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(EMBEDDED_DATABASE)} WITH (FORCE)`);
        await client.end();
      } finally {
        await db.close();
      }
      console.log('База удалена.');
      await migrateAndSeed(loadConfig().seedDemo);
      return 0;
    },
  },
  'migration:sql': {
    summary: 'показать SQL, которого миграциям не хватает до сущностей (для новой миграции)',
    async run() {
      const db = await openDatabase();
      const name = `hub_diff_${Date.now().toString(36)}`;
      const admin = new pg.Client({ connectionString: db.adminUrl ?? db.url });
      await admin.connect();
      try {
        await admin.query(`CREATE DATABASE ${name}`);
        const url = new URL(db.url);
        url.pathname = `/${name}`;
        const dataSource = createDataSource({ url: url.toString(), poolSize: 2, applicationName: 'hub-cli' });
        await dataSource.initialize();
        try {
          await migrate(dataSource);
          const sql = await dataSource.driver.createSchemaBuilder().log();
          if (sql.upQueries.length === 0) console.log('-- Миграции совпадают с сущностями.');
          for (const q of sql.upQueries) console.log(`${q.query};`);
          if (sql.downQueries.length) console.log('-- down:');
          for (const q of [...sql.downQueries].reverse()) console.log(`${q.query};`);
        } finally {
          await dataSource.destroy();
        }
      } finally {
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await admin.end();
        await db.close();
      }
      return 0;
    },
  },
  generate: {
    summary:
      'синтетические данные национального масштаба для замеров: generate --schools N --participants N [--seed N]',
    options: { schools: { type: 'string' }, participants: { type: 'string' }, seed: { type: 'string' } },
    run: async (values) => (await import('./generate-command.js')).generateCommand(values),
  },
  backup: {
    summary: 'резервная копия всей базы в файл: backup <файл>',
    run: async (values, positionals) => (await import('./backup-commands.js')).backupCommand(values, positionals),
  },
  restore: {
    summary: 'восстановить базу из копии: restore <файл> [--yes] (--yes заменяет имеющиеся данные)',
    options: { yes: { type: 'boolean', short: 'y' } },
    run: async (values, positionals) => (await import('./backup-commands.js')).restoreCommand(values, positionals),
  },
  'schema:emit': {
    summary: 'записать SDL сервера в schema/schema.graphql',
    async run() {
      const { buildHubSchema, printHubSchema } = await import('../graphql/schema.js');
      fs.writeFileSync(SCHEMA_FILE, printHubSchema(await buildHubSchema()));
      console.log(`Записано: ${path.relative(process.cwd(), SCHEMA_FILE)}`);
      return 0;
    },
  },
  'schema:check': {
    summary: 'проверить, что schema/schema.graphql совпадает с тем, что выдаёт сервер',
    async run() {
      const { buildHubSchema, printHubSchema } = await import('../graphql/schema.js');
      const emitted = printHubSchema(await buildHubSchema());
      const committed = fs.existsSync(SCHEMA_FILE) ? fs.readFileSync(SCHEMA_FILE, 'utf8') : '';
      if (emitted === committed) {
        console.log('schema/schema.graphql совпадает со схемой сервера.');
        return 0;
      }
      console.error('schema/schema.graphql устарел: выполните `pnpm schema:emit` и закоммитьте результат.');
      return 1;
    },
  },
};

export function usage(): string {
  const width = Math.max(...Object.keys(commands).map((n) => n.length));
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`);
  return `Использование: pnpm hub <команда> [параметры]\n\nКоманды:\n${lines.join('\n')}\n`;
}
