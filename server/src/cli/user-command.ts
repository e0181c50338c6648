import { randomUUID } from 'node:crypto';
import os from 'node:os';
import type { DataSource } from 'typeorm';
import { loadConfig } from '../config';
import { SYSTEM, type Actor } from '../graphql/actor';
import { InputError } from '../graphql/errors';
import { createDataSource } from '../db/data-source';
import { migrate } from '../db/migrate';
import { Role, ROLE_TITLES } from '../modules/users/role';
import { MIN_PASSWORD_LENGTH, UsersService } from '../modules/users/users.service';
import { runSeeds } from '../seed/run-seeds';
import { openDatabase } from './database';

export const USER_USAGE = `Использование:
  pnpm hub user add <имя> --role <роль> [--municipality <код>] [--school <код>] [--assign <коды школ через запятую>] [--name <ФИО>]
      пароль читается со стандартного ввода: с терминала — без отображения, из канала — первая строка
  pnpm hub user list
  pnpm hub user disable <имя>
Роли: ${Object.values(Role).join(', ')}`;

type Values = Record<string, string | boolean | undefined>;

const text = (value: string | boolean | undefined) => (typeof value === 'string' ? value.trim() : undefined);

function usageError(message: string): number {
  console.error(`${message}\n\n${USER_USAGE}`);
  return 2;
}

/** A line typed without echo: the terminal in raw mode, characters read one by one. */
function readHidden(prompt: string): Promise<string> {
  const stdin = process.stdin;
  process.stderr.write(prompt);
  return new Promise((resolve, reject) => {
    let value = '';
    const finish = () => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      process.stderr.write('\n');
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') {
          finish();
          resolve(value);
          return;
        }
        if (ch === '\u0003') {
          finish();
          reject(new Error('Отменено'));
          return;
        }
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else value += ch;
      }
    };
    stdin.setRawMode(true);
    stdin.setEncoding('utf8');
    stdin.on('data', onData);
    stdin.resume();
  });
}

/** The first line of a pipe (what `echo … |` or a secrets manager gives). */
async function readPiped(): Promise<string> {
  let input = '';
  for await (const chunk of process.stdin) input += String(chunk);
  return input.split(/\r?\n/)[0] ?? '';
}

async function readPassword(username: string): Promise<string | null> {
  if (!process.stdin.isTTY) return readPiped();
  const password = await readHidden(`Пароль для ${username} (не короче ${MIN_PASSWORD_LENGTH} символов): `);
  const again = await readHidden('Повторите пароль: ');
  return password === again ? password : null;
}

function scopeOf(user: { role: Role; municipalityCode: string | null; schoolCode: string | null }, assigned: string[]) {
  if (user.municipalityCode) return user.municipalityCode;
  if (user.schoolCode) return user.schoolCode;
  if (user.role === Role.EXPERT || user.role === Role.CURATOR) return assigned.length ? assigned.join(', ') : '—';
  return 'весь регион';
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows
    .map((r) =>
      r
        .map((cell, i) => cell.padEnd(widths[i]!))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

const tomskTime = new Intl.DateTimeFormat('ru-RU', { timeZone: 'Asia/Tomsk', dateStyle: 'short', timeStyle: 'short' });

async function withUsers(action: (users: UsersService, dataSource: DataSource) => Promise<number>): Promise<number> {
  const db = await openDatabase();
  const dataSource = createDataSource({ url: db.url, poolSize: 2, applicationName: 'hub-user' });
  try {
    await dataSource.initialize();
    // As after a start: the municipalities and schools an account names exist.
    await migrate(dataSource);
    await runSeeds(dataSource, { demo: loadConfig().seedDemo });
    return await action(new UsersService(dataSource.manager), dataSource);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    for (const problem of error.problems) console.error(`Ошибка: ${problem.message}`);
    return 1;
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await db.close();
  }
}

function operator(): Actor {
  return { ...SYSTEM, displayName: `командная строка (${os.userInfo().username})` };
}

async function add(username: string, values: Values): Promise<number> {
  const roleText = text(values.role)?.toLowerCase();
  if (!roleText) return usageError('Укажите роль: --role <роль>');
  const role = Object.values(Role).find((r) => r === roleText);
  if (!role) return usageError(`Неизвестная роль «${roleText}»`);
  const assign = text(values.assign);
  const password = await readPassword(username);
  if (password === null) {
    console.error('Пароли не совпадают; пользователь не создан.');
    return 1;
  }
  if (password === '') return usageError('Пароль не передан: введите его или передайте первой строкой ввода');
  return withUsers(async (users, dataSource) => {
    const user = await dataSource.transaction(async (em) => {
      await em.query(`SELECT set_config('hub.request_id', $1, true)`, [randomUUID()]);
      return new UsersService(em).create(
        {
          username,
          password,
          role,
          displayName: text(values.name) ?? null,
          municipalityCode: text(values.municipality) ?? null,
          schoolCode: text(values.school) ?? null,
          assignedSchools: assign
            ? assign
                .split(',')
                .map((c) => c.trim())
                .filter(Boolean)
            : null,
        },
        operator(),
      );
    });
    const assigned = (await users.assignedSchools([user.id])).get(user.id) ?? [];
    console.log(`Пользователь ${user.username} создан: ${ROLE_TITLES[user.role]} (${scopeOf(user, assigned)}).`);
    return 0;
  });
}

async function list(): Promise<number> {
  return withUsers(async (users) => {
    const all = await users.list();
    if (all.length === 0) {
      console.log('Пользователей нет. Добавьте: pnpm hub user add <имя> --role <роль>');
      return 0;
    }
    const assigned = await users.assignedSchools(all.map((u) => u.id));
    const rows = all.map((u) => [
      u.username,
      u.role,
      scopeOf(u, assigned.get(u.id) ?? []),
      u.disabled ? 'да' : 'нет',
      u.lastLoginAt ? tomskTime.format(u.lastLoginAt) : '—',
    ]);
    console.log(table([['Имя', 'Роль', 'Область доступа', 'Отключён', 'Последний вход (Томск)'], ...rows]));
    return 0;
  });
}

async function disable(username: string): Promise<number> {
  return withUsers(async (_users, dataSource) => {
    const user = await dataSource.transaction(async (em) => {
      await em.query(`SELECT set_config('hub.request_id', $1, true)`, [randomUUID()]);
      return new UsersService(em).disable(username, operator());
    });
    console.log(`Пользователь ${user.username} отключён; его сеансы завершены.`);
    return 0;
  });
}

/** `hub user add|list|disable`: 0 done, 1 refused (bad account data, unknown user), 2 usage error. */
export async function userCommand(values: Values, positionals: string[]): Promise<number> {
  const [action, username, ...extra] = positionals;
  if (extra.length > 0) return usageError(`Лишние параметры: ${extra.join(' ')}`);
  switch (action) {
    case 'add':
      return username ? add(username, values) : usageError('Укажите имя пользователя');
    case 'list':
      return username ? usageError(`Лишний параметр: ${username}`) : list();
    case 'disable':
      return username ? disable(username) : usageError('Укажите имя пользователя');
    default:
      return usageError(action ? `Неизвестное действие «${action}»` : 'Укажите действие: add, list или disable');
  }
}
