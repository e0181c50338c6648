import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('defaults to port 4000 and the embedded database', () => {
    const config = loadConfig({});
    expect(config.port).toBe(4000);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.seedDemo).toBe(true);
    expect(config.dataDir.endsWith('.data')).toBe(true);
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'not a url' }, 'DATABASE_URL'],
    [{ HUB_DEMO_DATA: 'maybe' }, 'HUB_DEMO_DATA'],
    [{ HUB_MAX_QUERY_COMPLEXITY: '10' }, 'HUB_MAX_QUERY_COMPLEXITY'],
    [{ HUB_MAX_QUERY_COMPLEXITY: 'lots' }, 'HUB_MAX_QUERY_COMPLEXITY'],
    [{ HUB_OIDC_ISSUER: 'https://id.example' }, 'HUB_OIDC_JWKS_URL'],
    [{ HUB_OIDC_JWKS_URL: 'https://id.example/certs' }, 'HUB_OIDC_ISSUER'],
    [{ HUB_OIDC_JWKS_URL: 'http://id.example/certs', HUB_OIDC_ISSUER: 'x' }, 'HUB_OIDC_JWKS_URL'],
    [{ LOG_LEVEL: 'verbose' }, 'LOG_LEVEL'],
    [{ HUB_METRICS_TOKEN: 'short' }, 'HUB_METRICS_TOKEN'],
    [{ HUB_METRICS_TOKEN: 'sixteen chars with spaces' }, 'HUB_METRICS_TOKEN'],
    [{ HUB_SHUTDOWN_TIMEOUT_MS: '500' }, 'HUB_SHUTDOWN_TIMEOUT_MS'],
    [{ HUB_SHUTDOWN_TIMEOUT_MS: '10s' }, 'HUB_SHUTDOWN_TIMEOUT_MS'],
  ])('names the bad variable: %o', (env, variable) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(new RegExp(`^${variable}:`));
  });

  it('takes the query complexity budget from HUB_MAX_QUERY_COMPLEXITY, 400 000 by default', () => {
    expect(loadConfig({}).maxQueryComplexity).toBe(400_000);
    expect(loadConfig({ HUB_MAX_QUERY_COMPLEXITY: '50000' }).maxQueryComplexity).toBe(50_000);
  });

  it('accepts an identity provider when both its keys and its issuer are given', () => {
    expect(loadConfig({}).oidc).toBeUndefined();
    expect(
      loadConfig({
        HUB_OIDC_JWKS_URL: 'https://id.example/certs',
        HUB_OIDC_ISSUER: 'https://id.example',
        HUB_OIDC_ROLE_CLAIM: 'hub.role',
      }).oidc,
    ).toEqual({
      jwksUrl: 'https://id.example/certs',
      issuer: 'https://id.example',
      audience: undefined,
      claims: { role: 'hub.role', municipality: 'hub_municipality', schools: 'hub_schools' },
    });
  });

  it('takes the log level, the metrics token and the shutdown deadline, with defaults', () => {
    expect(loadConfig({})).toMatchObject({ logLevel: 'info', metricsToken: undefined, shutdownTimeoutMs: 15_000 });
    expect(
      loadConfig({ LOG_LEVEL: 'DEBUG', HUB_METRICS_TOKEN: 'scrape-token-0123456789', HUB_SHUTDOWN_TIMEOUT_MS: '3000' }),
    ).toMatchObject({ logLevel: 'debug', metricsToken: 'scrape-token-0123456789', shutdownTimeoutMs: 3000 });
  });

  it('takes the rows per chunk of a large import (at least one)', () => {
    expect(loadConfig({}).importChunkRows).toBe(100_000);
    expect(loadConfig({ HUB_IMPORT_CHUNK_ROWS: '3' }).importChunkRows).toBe(3);
    expect(() => loadConfig({ HUB_IMPORT_CHUNK_ROWS: '0' })).toThrow(/HUB_IMPORT_CHUNK_ROWS/);
  });

  it('accepts an external PostgreSQL', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u:p@db:5432/hub' }).databaseUrl).toBe('postgres://u:p@db:5432/hub');
  });
});
