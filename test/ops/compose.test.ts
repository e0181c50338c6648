import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

/**
 * No Docker engine runs here, so the production topology is checked as
 * text: the compose file's services and their order, the image build and the
 * nginx routes that spread GraphQL (WebSockets too) over both replicas.
 */
const root = path.resolve(__dirname, '..', '..');
const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8');
const compose = parse(read('docker-compose.yml'), { merge: true }) as {
  services: Record<string, any>;
  volumes: Record<string, unknown>;
};
const services = compose.services;

describe('docker-compose.yml', () => {
  it('runs PostgreSQL 17 on a named volume with a health check', () => {
    const postgres = services.postgres;
    expect(postgres.image).toBe('postgres:17');
    const [volume] = (postgres.volumes as string[])[0]!.split(':');
    expect(compose.volumes).toHaveProperty(volume!);
    expect(postgres.healthcheck.test.join(' ')).toMatch(/pg_isready/);
    expect(postgres.environment.POSTGRES_PASSWORD).toBe('${POSTGRES_PASSWORD}');
  });

  it('migrates once, before two server replicas built from one image start', () => {
    expect(services.migrate.command).toEqual(['node', 'dist/cli/hub.js', 'seed']);
    expect(services.migrate.depends_on.postgres.condition).toBe('service_healthy');
    for (const name of ['server-1', 'server-2']) {
      const server = services[name];
      expect(server.build).toEqual({ context: '.', dockerfile: 'server/Dockerfile', target: 'server' });
      expect(server.image).toBe('tomsk-edu-hub-server');
      expect(server.depends_on.migrate.condition).toBe('service_completed_successfully');
      expect(server.healthcheck.test.join(' ')).toMatch(/\/readyz/);
      expect(server.env_file).toBe('.env');
      expect(server.environment.DATABASE_URL).toMatch(/^postgres:\/\/.*@postgres:5432\//);
      expect(server.ports).toBeUndefined();
      // Docker's SIGKILL must come after the replica's own drain deadline.
      const grace = Number(/^(\d+)s$/.exec(server.stop_grace_period)![1]) * 1000;
      const example = /^HUB_SHUTDOWN_TIMEOUT_MS=(\d+)$/m.exec(read('.env.example'))![1];
      expect(grace).toBeGreaterThan(Number(example));
    }
  });

  it('puts nginx in front, after both replicas are healthy', () => {
    const nginx = services.nginx;
    expect(nginx.build.target).toBe('dashboard');
    expect(nginx.depends_on['server-1'].condition).toBe('service_healthy');
    expect(nginx.depends_on['server-2'].condition).toBe('service_healthy');
    expect(nginx.ports).toEqual(['${HTTP_PORT:-8080}:80']);
  });

  it('takes its secrets from an env file whose example names every variable it uses', () => {
    const example = read('.env.example');
    const used = new Set([...read('docker-compose.yml').matchAll(/\$\{([A-Z_]+)/g)].map((m) => m[1]));
    for (const variable of used) expect(example, variable).toMatch(new RegExp(`^${variable}=`, 'm'));
    expect(example).toMatch(/^HUB_JWT_SECRET=/m);
  });
});

describe('the image and nginx', () => {
  const dockerfile = read('server/Dockerfile');

  it('builds server and dashboard in one multi-stage file; the server runs as a non-root user', () => {
    expect(dockerfile).toMatch(/^FROM .* AS build$/m);
    expect(dockerfile).toMatch(/^FROM .* AS server$/m);
    expect(dockerfile).toMatch(/^FROM nginx:\S+ AS dashboard$/m);
    const serverStage = dockerfile.slice(dockerfile.indexOf('AS server'), dockerfile.indexOf('AS dashboard'));
    expect(serverStage).toMatch(/^USER hub$/m);
    expect(serverStage).toMatch(/HEALTHCHECK .*\/healthz/);
  });

  it('proxies /graphql with WebSocket upgrade and /api to both replicas', () => {
    const nginx = read('deploy/nginx.conf');
    const upstream = /upstream hub_servers \{([^}]*)\}/.exec(nginx)![1]!;
    expect(upstream).toMatch(/server server-1:4000/);
    expect(upstream).toMatch(/server server-2:4000/);
    const graphql = /location \/graphql \{([^}]*)\}/.exec(nginx)![1]!;
    expect(graphql).toMatch(/proxy_pass http:\/\/hub_servers;/);
    expect(graphql).toMatch(/proxy_http_version 1\.1;/);
    expect(graphql).toMatch(/proxy_set_header Upgrade \$http_upgrade;/);
    expect(graphql).toMatch(/proxy_set_header Connection \$connection_upgrade;/);
    expect(/location \/api\/ \{([^}]*)\}/.exec(nginx)![1]).toMatch(/proxy_pass http:\/\/hub_servers;/);
    expect(nginx).toMatch(/try_files \$uri \/index\.html;/);
  });
});
