import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../harness/hub';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub?.close());

describe('GraphQL over HTTP and WebSocket on /graphql', () => {
  it('answers operations over graphql-ws on the same path', async () => {
    const subscription = hub.subscribe<{ municipalities: { code: string }[] }>('{ municipalities { code } }');
    const message = await subscription.next();
    expect(message.data?.municipalities).toHaveLength(20);
    await subscription.close();
  });

  it('reports invalid queries with GraphQL’s own code', async () => {
    const result = await hub.gql('{ schools { nope } }');
    expect(result.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('hides internal failures: no stack, no SQL, a Russian message', async () => {
    await hub.sql(`ALTER TABLE school RENAME COLUMN full_name TO full_name_gone`);
    try {
      const result = await hub.gql('{ school(code: "sch700001") { code } }');
      const error = result.errors?.[0];
      expect(error?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
      expect(error?.message).toMatch(/Внутренняя ошибка сервера/);
      expect(JSON.stringify(result)).not.toMatch(/full_name|stacktrace|SELECT/i);
    } finally {
      await hub.sql(`ALTER TABLE school RENAME COLUMN full_name_gone TO full_name`);
    }
  });

  it('refuses simple cross-site requests (CSRF prevention)', async () => {
    const response = await fetch(`${hub.url}graphql?query=${encodeURIComponent('{ clusters { code } }')}`);
    expect(response.status).toBe(400);
  });

  it('does not send browsers to an external landing page', async () => {
    const response = await fetch(`${hub.url}graphql`, { headers: { accept: 'text/html' } });
    expect(await response.text()).not.toMatch(/apollographql\.com|cdn\./);
  });
});

describe('the dashboard on the same port', () => {
  it('serves the built dashboard at / and for client-side routes', async () => {
    for (const route of ['', 'municipalities/tomsk']) {
      const response = await fetch(`${hub.url}${route}`);
      expect(response.status, 'build the dashboard first: pnpm build').toBe(200);
      expect(await response.text()).toContain('<div id="app"></div>');
    }
  });
});
