import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The server's own JWT library, playing the identity provider.
import { exportJWK, generateKeyPair, SignJWT, type JWTPayload } from '../../server/node_modules/jose';
import { UsersService } from '../../server/src/modules/users/users.service';
import { GraphqlClient } from '../harness/client';
import { startTestHub, type TestHub } from '../harness/hub';

type PrivateKey = Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];

const ISSUER = 'https://id.tomsk.example/realms/edu';
let hub: TestHub;
let jwks: http.Server;
let provider: { privateKey: PrivateKey; kid: string };
let stranger: PrivateKey;

beforeAll(async () => {
  const pair = await generateKeyPair('RS256', { extractable: true });
  stranger = (await generateKeyPair('RS256')).privateKey;
  provider = { privateKey: pair.privateKey, kid: 'key-1' };
  const publicJwk = { ...(await exportJWK(pair.publicKey)), kid: 'key-1', alg: 'RS256', use: 'sig' };
  jwks = http.createServer((_req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ keys: [publicJwk] }));
  });
  await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
  const { port } = jwks.address() as AddressInfo;
  hub = await startTestHub({
    server: {
      oidc: {
        jwksUrl: `http://127.0.0.1:${port}/jwks`,
        issuer: ISSUER,
        claims: { role: 'hub_role', municipality: 'hub_municipality', schools: 'hub_schools' },
      },
    },
  });
});
afterAll(async () => {
  await hub?.close();
  await new Promise((resolve) => jwks?.close(resolve));
});

let sequence = 0;

function token(claims: JWTPayload, options: { key?: PrivateKey; issuer?: string; expiresIn?: string } = {}) {
  sequence += 1;
  return new SignJWT({ ...claims, jti: `t${sequence}` })
    .setProtectedHeader({ alg: 'RS256', kid: provider.kid })
    .setIssuer(options.issuer ?? ISSUER)
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '5m')
    .sign(options.key ?? provider.privateKey);
}

const as = (accessToken: string) => new GraphqlClient(hub.anonymous.endpoint, accessToken);

async function refused(accessToken: string): Promise<void> {
  const result = await as(accessToken).gql('{ schools { totalCount } }');
  expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
}

describe('tokens of an external identity provider (JWKS)', () => {
  const officer = {
    sub: 'Petrova-42',
    name: 'Петрова П. П.',
    hub_role: 'municipal_officer',
    hub_municipality: 'tomsky',
  };

  it('a provider’s token maps to a role and a scope, through an account the hub keeps', async () => {
    const client = as(await token(officer));
    const { me, schools } = await client.gqlOk(
      '{ me { username displayName role municipalityCode } schools { totalCount } }',
    );
    expect(me).toEqual({
      username: 'oidc:petrova-42',
      displayName: 'Петрова П. П.',
      role: 'MUNICIPAL_OFFICER',
      municipalityCode: 'tomsky',
    });
    expect(schools.totalCount).toBe(38);
    const [account] = await hub.sql(
      `SELECT password_hash, last_login_at FROM app_user WHERE username = 'oidc:petrova-42'`,
    );
    expect(account!.password_hash).toBe('!');
    expect(account!.last_login_at).not.toBeNull();
    const [entry] = await hub.sql(
      `SELECT * FROM audit_log WHERE action = 'user.add' AND entity_key = 'oidc:petrova-42'`,
    );
    expect(entry!.user_name).toBe(`поставщик входа (${ISSUER})`);
    // Nobody signs in with a password as that account.
    const login = await hub.anonymous.gql(
      'mutation { login(username: "oidc:petrova-42", password: "!") { accessToken } }',
    );
    expect(login.errors?.[0]?.extensions?.code).toBe('AUTH_BAD_CREDENTIALS');
  });

  it('follows a changed role or scope in the token, and audits it', async () => {
    const moved = as(await token({ ...officer, hub_role: 'expert', hub_schools: ['sch700054', 'sch700001'] }));
    const { schools } = await moved.gqlOk('{ schools { edges { node { code } } } }');
    expect(schools.edges.map((e: any) => e.node.code)).toEqual(['sch700001', 'sch700054']);
    const [entry] = await hub.sql(
      `SELECT * FROM audit_log WHERE action = 'user.update' AND entity_key = 'oidc:petrova-42'`,
    );
    expect(entry!.before).toMatchObject({ role: 'municipal_officer', municipalityCode: 'tomsky' });
    expect(entry!.after).toMatchObject({ role: 'expert', assignedSchools: ['sch700001', 'sch700054'] });
  });

  it('refuses a foreign issuer, a foreign key, an expired token, and claims without a usable scope', async () => {
    await refused(await token(officer, { issuer: 'https://evil.example' }));
    await refused(await token(officer, { key: stranger }));
    await refused(await token(officer, { expiresIn: '-1s' }));
    await refused(await token({ ...officer, hub_role: 'superuser' }));
    await refused(await token({ ...officer, hub_municipality: undefined }));
    await refused(
      await token({ sub: 'coord-1', hub_role: 'school_coordinator', hub_schools: ['sch700053', 'sch700054'] }),
    );
    await refused(await token({ sub: 'ghost', hub_role: 'municipal_officer', hub_municipality: 'atlantis' }));
    // A token signed with the provider's public key as an HMAC secret (algorithm confusion).
    const jwk = await exportJWK((await generateKeyPair('RS256', { extractable: true })).publicKey);
    const hmac = await new SignJWT({ ...officer })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(ISSUER)
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode(JSON.stringify(jwk)));
    await refused(hmac);
  });

  it('a disabled account is refused even with a valid token; the hub’s own sign-in still works', async () => {
    const analyst = { sub: 'analyst-7', hub_role: 'region_analyst' };
    expect((await as(await token(analyst)).gql('{ me { username } }')).errors).toBeUndefined();
    await new UsersService(hub.hub.dataSource.manager).disable('oidc:analyst-7');
    await refused(await token(analyst));
    expect((await hub.gql('{ me { username } }')).data?.me.username).toBe('test-admin');
  });

  it('works over WebSocket: operations go through while the token is valid', async () => {
    const client = as(await token({ sub: 'ws-1', hub_role: 'school_coordinator', hub_schools: 'sch700053' }));
    const socket = client.subscribe('{ schools { edges { node { code } } } }');
    expect((await socket.next()).data?.schools.edges).toEqual([{ node: { code: 'sch700053' } }]);
    await socket.close();
  });
});
