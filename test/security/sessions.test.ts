import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
// The server's own JWT library, to forge tokens the way an attacker would.
import { decodeJwt, SignJWT } from '../../server/node_modules/jose';
import { GraphqlClient } from '../harness/client';
import { startTestHub, type TestHub } from '../harness/hub';
import { createUser, Role, type TestUser } from '../harness/users';

let hub: TestHub;
let user: TestUser;
let secret: Uint8Array;

beforeAll(async () => {
  hub = await startTestHub();
  user = await createUser(hub, { role: Role.MUNICIPAL_OFFICER, municipalityCode: 'tomsky' });
  const [row] = await hub.sql(`SELECT value FROM hub_secret WHERE name = 'jwt'`);
  secret = new TextEncoder().encode(row!.value);
});
afterAll(() => hub?.close());

const LOGIN = 'mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { accessToken refreshToken } }';

function token(claims: { sub: string; sid: string }, key: Uint8Array, expiresAt: number): Promise<string> {
  return new SignJWT({ sid: claims.sid })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(claims.sub)
    .setIssuer('tomsk-edu-hub')
    .setIssuedAt(expiresAt - 900)
    .setExpirationTime(expiresAt)
    .sign(key);
}

async function refused(accessToken: string): Promise<void> {
  const result = await new GraphqlClient(user.client.endpoint, accessToken).gql('{ me { username } }');
  expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  expect(result.data ?? null).toBeNull();
}

describe('the sign-in payload', () => {
  it('carries the scope of the user, assigned schools included, though an anonymous caller cannot read them', async () => {
    const curator = await createUser(hub, { role: Role.CURATOR, assignedSchools: ['sch700002', 'sch700001'] });
    const { login } = await hub.anonymous.gqlOk<{ login: { user: { role: string; assignedSchools: string[] } } }>(
      'mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { user { role assignedSchools } } }',
      { u: curator.username, p: curator.password },
    );
    expect(login.user).toEqual({ role: 'CURATOR', assignedSchools: ['sch700001', 'sch700002'] });
  });
});

describe('access tokens', () => {
  it('a token signed with the server’s key works; the same claims expired, forged or unsigned do not', async () => {
    const claims = decodeJwt(user.client.token!) as { sub: string; sid: string };
    const now = Math.floor(Date.now() / 1000);
    const valid = await token(claims, secret, now + 600);
    expect((await new GraphqlClient(user.client.endpoint, valid).gqlOk('{ me { username } }')).me.username).toBe(
      user.username,
    );
    await refused(await token(claims, secret, now - 1));
    await refused(await token(claims, new TextEncoder().encode('x'.repeat(64)), now + 600));
    const [header, payload] = valid.split('.');
    const none = Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url');
    await refused(`${none}.${payload}.`);
    await refused(`${header}.${payload}.`);
    await refused('not-a-token');
  });

  it('a token for another user’s session is refused', async () => {
    const other = await createUser(hub, { role: Role.REGION_ADMIN });
    const mine = decodeJwt(user.client.token!) as { sub: string; sid: string };
    const theirs = decodeJwt(other.client.token!) as { sub: string; sid: string };
    await refused(await token({ sub: theirs.sub, sid: mine.sid }, secret, Math.floor(Date.now() / 1000) + 600));
  });

  it('logout revokes the access token and the refresh token at once, over HTTP and on an open socket', async () => {
    const { login } = await hub.anonymous.gqlOk(LOGIN, { u: user.username, p: user.password });
    const client = new GraphqlClient(user.client.endpoint, login.accessToken);
    // One connection for both operations: the second goes over a socket opened while the session was alive.
    const socket = createClient({
      url: user.client.endpoint.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      lazy: false,
      onNonLazyError: () => undefined,
      connectionParams: { authorization: `Bearer ${login.accessToken}` },
    });
    const closed = new Promise<number>((resolve) =>
      socket.on('closed', (event) => resolve((event as { code: number }).code)),
    );
    const run = (query: string) =>
      new Promise<{ data?: unknown; errors?: readonly { message: string }[] }>((resolve) => {
        socket.subscribe(
          { query },
          {
            next: (message) => resolve(message as { data?: unknown }),
            error: (error) => resolve({ errors: Array.isArray(error) ? error : [{ message: String(error) }] }),
            complete: () => undefined,
          },
        );
      });
    expect((await run('{ municipalities { code } }')).errors).toBeUndefined();
    expect(await client.gqlOk('mutation { logout }')).toEqual({ logout: true });
    await refused(login.accessToken);
    const refresh = await hub.anonymous.gql(
      'mutation ($t: String!) { refreshToken(refreshToken: $t) { accessToken } }',
      {
        t: login.refreshToken,
      },
    );
    expect(refresh.errors?.[0]?.extensions?.code).toBe('AUTH_BAD_REFRESH_TOKEN');
    const after = await run('{ municipalities { code } }');
    expect(after.data ?? null).toBeNull();
    expect(await closed).toBe(4403);
    await socket.dispose();
  });

  it('a socket without a valid token is refused', async () => {
    const forged = new GraphqlClient(user.client.endpoint, 'forged.token.value');
    const socket = forged.subscribe('{ municipalities { code } }');
    expect((await socket.next()).errors?.[0]?.message).toMatch(/4403|Forbidden/);
    await socket.close();
    const anonymous = hub.anonymous.subscribe('{ municipalities { code } }');
    expect((await anonymous.next()).errors?.[0]?.message).toMatch(/4403|Forbidden/);
    await anonymous.close();
  });
});

describe('sign-in throttling', () => {
  it('after 5 failures a username is refused even with the right password; other usernames are not', async () => {
    const victim = await createUser(hub, { role: Role.REGION_ANALYST });
    for (let i = 0; i < 5; i++) {
      const result = await hub.anonymous.gql(LOGIN, { u: victim.username, p: `wrong-${i}-password` });
      expect(result.errors?.[0]?.extensions?.code).toBe('AUTH_BAD_CREDENTIALS');
    }
    const right = await hub.anonymous.gql(LOGIN, { u: victim.username, p: victim.password });
    expect(right.errors?.[0]?.extensions?.code).toBe('AUTH_THROTTLED');
    expect(right.errors![0]!.message).toMatch(/Слишком много неудачных попыток/);
    // The same address may still sign in as someone else.
    expect((await hub.anonymous.gql(LOGIN, { u: user.username, p: user.password })).errors).toBeUndefined();
  });

  it('after 30 failures from one address, every username is refused from it', async () => {
    const fresh = await createUser(hub, { role: Role.REGION_ANALYST });
    const { failures } = (
      await hub.sql<{ failures: number }>(`SELECT count(*)::int AS failures FROM login_attempt WHERE NOT succeeded`)
    )[0]!;
    for (let i = failures; i < 30; i++) {
      await hub.anonymous.gql(LOGIN, { u: `nobody-${i}`, p: 'wrong-password' });
    }
    const result = await hub.anonymous.gql(LOGIN, { u: fresh.username, p: fresh.password });
    expect(result.errors?.[0]?.extensions?.code).toBe('AUTH_THROTTLED');
  });
});
