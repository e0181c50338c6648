import { spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runHub } from '../harness/cli';
import { GraphqlClient } from '../harness/client';
import { createTestDatabase, startTestHub, type TestHub } from '../harness/hub';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub?.close());

const LOGIN = 'mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { accessToken refreshToken } }';
const user = (args: string[], input?: string) => runHub(['user', ...args], hub.databaseUrl, {}, input);

describe('pnpm hub user', () => {
  it('adds a municipal officer with the password from a pipe; it signs in and sees its municipality', async () => {
    const added = await user(
      ['add', 'Ivanova', '--role', 'municipal_officer', '--municipality', 'tomsky', '--name', 'Иванова И. И.'],
      'correct-horse-battery\n',
    );
    expect(added.stderr).toBe('');
    expect(added.code).toBe(0);
    expect(added.stdout).toMatch(/Пользователь ivanova создан: специалист МОУО \(tomsky\)/);
    const { login } = await hub.anonymous.gqlOk(LOGIN, { u: 'ivanova', p: 'correct-horse-battery' });
    const client = new GraphqlClient(hub.anonymous.endpoint, login.accessToken);
    const { me, schools } = await client.gqlOk('{ me { displayName role municipalityCode } schools { totalCount } }');
    expect(me).toEqual({ displayName: 'Иванова И. И.', role: 'MUNICIPAL_OFFICER', municipalityCode: 'tomsky' });
    expect(schools.totalCount).toBe(38);

    const [entry] = await hub.sql(`SELECT * FROM audit_log WHERE action = 'user.add' AND entity_key = 'ivanova'`);
    expect(entry).toMatchObject({ user_id: null, entity: 'app_user', before: null });
    expect(entry!.user_name).toMatch(/^командная строка \(/);
    expect(entry!.request_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(entry!.after).toEqual({
      username: 'ivanova',
      role: 'municipal_officer',
      displayName: 'Иванова И. И.',
      municipalityCode: 'tomsky',
      schoolCode: null,
      assignedSchools: [],
      disabled: false,
    });
    expect(JSON.stringify(entry)).not.toMatch(/argon2|correct-horse/);
  });

  it('adds an expert with assigned schools', async () => {
    const added = await user(
      ['add', 'expert-7', '--role', 'expert', '--assign', 'sch700054, sch700001'],
      'long-enough-pw',
    );
    expect(added.code).toBe(0);
    expect(added.stdout).toMatch(/эксперт ВСОКО \(sch700001, sch700054\)/);
  });

  it.each([
    [['add', 'x-user', '--role', 'king'], 'pw-long-enough', 2, /Неизвестная роль «king»/],
    [['add', 'x-user'], 'pw-long-enough', 2, /Укажите роль/],
    [['add', '--role', 'expert'], 'pw-long-enough', 2, /Укажите имя пользователя/],
    [['add', 'x-user', '--role', 'expert'], '', 2, /Пароль не передан/],
    [['frobnicate'], undefined, 2, /Неизвестное действие/],
    [['add', 'x-user', '--role', 'municipal_officer'], 'pw-long-enough', 1, /укажите муниципалитет/],
    [['add', 'x-user', '--role', 'school_coordinator', '--school', 'sch000000'], 'pw-long-enough', 1, /Нет школ/],
    [['add', 'x-user', '--role', 'region_analyst'], 'short', 1, /не короче 10 символов/],
    [['add', 'ivanova', '--role', 'region_analyst'], 'pw-long-enough', 1, /уже есть/],
    [['disable', 'nobody-here'], undefined, 1, /Нет пользователя «nobody-here»/],
  ])('%j with input %j → exit %i', async (args, input, code, message) => {
    const before = await hub.sql('SELECT count(*)::int AS n FROM app_user');
    const result = await user(args as string[], input as string | undefined);
    expect(result.code).toBe(code);
    expect(result.stderr).toMatch(message as RegExp);
    expect(await hub.sql('SELECT count(*)::int AS n FROM app_user')).toEqual(before);
  });

  it('lists users: name, role, scope, disabled, last login', async () => {
    const listed = await user(['list']);
    expect(listed.code).toBe(0);
    const lines = listed.stdout.split('\n');
    expect(lines[0]).toMatch(/^Имя\s+Роль\s+Область доступа\s+Отключён\s+Последний вход/);
    expect(lines.find((l) => l.startsWith('ivanova '))).toMatch(
      /^ivanova\s+municipal_officer\s+tomsky\s+нет\s+\d\d\.\d\d\.\d{4}/,
    );
    expect(lines.find((l) => l.startsWith('expert-7 '))).toMatch(/expert\s+sch700001, sch700054\s+нет\s+—$/);
    expect(lines.find((l) => l.startsWith('test-admin '))).toMatch(/region_admin\s+весь регион/);
  });

  it('disables a user: its sessions end, it cannot sign in, and the change is audited', async () => {
    const { login } = await hub.anonymous.gqlOk(LOGIN, { u: 'ivanova', p: 'correct-horse-battery' });
    const client = new GraphqlClient(hub.anonymous.endpoint, login.accessToken);
    expect((await client.gql('{ me { username } }')).errors).toBeUndefined();

    const disabled = await user(['disable', 'ivanova']);
    expect(disabled.code).toBe(0);
    expect(disabled.stdout).toMatch(/ivanova отключён; его сеансы завершены/);

    const refresh = await hub.anonymous.gql(
      'mutation ($t: String!) { refreshToken(refreshToken: $t) { accessToken } }',
      {
        t: login.refreshToken,
      },
    );
    expect(refresh.errors?.[0]?.extensions?.code).toBe('AUTH_BAD_REFRESH_TOKEN');
    const again = await hub.anonymous.gql(LOGIN, { u: 'ivanova', p: 'correct-horse-battery' });
    expect(again.errors?.[0]?.extensions?.code).toBe('AUTH_BAD_CREDENTIALS');
    // The server trusts a checked session for a few seconds, then asks the database again.
    const deadline = Date.now() + 8000;
    let code: unknown;
    while (Date.now() < deadline) {
      code = (await client.gql('{ me { username } }')).errors?.[0]?.extensions?.code;
      if (code === 'UNAUTHENTICATED') break;
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(code).toBe('UNAUTHENTICATED');

    const [entry] = await hub.sql(`SELECT * FROM audit_log WHERE action = 'user.disable' AND entity_key = 'ivanova'`);
    expect(entry!.before.disabled).toBe(false);
    expect(entry!.after.disabled).toBe(true);
    expect((await user(['list'])).stdout).toMatch(/ivanova\s+municipal_officer\s+tomsky\s+да/);
  });
});

describe('an external database', () => {
  it('starts with no account at all, until one is added', async () => {
    const url = await createTestDatabase('empty');
    // The template has the tests' admin; an operator's fresh database has nobody.
    const { default: pg } = await import('pg');
    const db = new pg.Client({ connectionString: url });
    await db.connect();
    await db.query('DELETE FROM app_user');
    const port = await new Promise<number>((resolve) => {
      const server = net.createServer().listen(0, '127.0.0.1', () => {
        const { port } = server.address() as net.AddressInfo;
        server.close(() => resolve(port));
      });
    });
    const main = path.resolve(__dirname, '..', '..', 'server', 'dist', 'main.js');
    const child = spawn(process.execPath, [main], {
      env: { ...process.env, DATABASE_URL: url, PORT: String(port), HOST: '127.0.0.1', HUB_DEMO_DATA: 'false' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout!.on('data', (chunk) => (output += chunk));
    child.stderr!.on('data', (chunk) => (output += chunk));
    try {
      const deadline = Date.now() + 60_000;
      while (!output.includes('Хаб готов')) {
        if (child.exitCode !== null || Date.now() > deadline) throw new Error(`The server did not start:\n${output}`);
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(output).not.toMatch(/Демо-учётные записи/);
      expect((await db.query('SELECT count(*)::int AS n FROM app_user')).rows[0].n).toBe(0);
      const added = await runHub(['user', 'add', 'chief', '--role', 'region_admin'], url, {}, 'first-admin-password\n');
      expect(added.code).toBe(0);
      const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: LOGIN, variables: { u: 'chief', p: 'first-admin-password' } }),
      });
      expect(((await response.json()) as any).data.login.accessToken).toBeTruthy();
    } finally {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
      await db.end();
    }
  });
});
