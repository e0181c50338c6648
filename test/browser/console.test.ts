import type { Browser } from 'playwright-core';
import { expect, it } from 'vitest';
import { signInPage, withHubAndBrowser } from '../harness/browser';
import type { TestHub } from '../harness/hub';
import { createAccount, Role, screenshotBothSizes, watchExternalRequests } from './dashboard-helpers';

let hub: TestHub;
let browser: Browser;
withHubAndBrowser((started) => ({ hub, browser } = started));

it('loads GraphiQL from the hub itself, signed in, and runs an example query across the domains', async () => {
  const analyst = await createAccount(hub, { role: Role.REGION_ANALYST });
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'ru-RU' });
  const external = watchExternalRequests(page);
  const introspection: { status: number; authorised: boolean; types: number }[] = [];
  page.on('response', async (response) => {
    const body = response.request().postData() ?? '';
    if (!response.url().endsWith('/graphql') || !body.includes('__schema')) return;
    const json = (await response.json().catch(() => null)) as { data?: { __schema?: { types: unknown[] } } } | null;
    introspection.push({
      status: response.status(),
      authorised: /^Bearer /.test((await response.request().headerValue('authorization')) ?? ''),
      types: json?.data?.__schema?.types.length ?? 0,
    });
  });

  await signInPage(page, hub.url, analyst);
  await page.goto(`${hub.url}console`);
  await page.locator('.graphiql-container').waitFor({ timeout: 20_000 });

  // The schema came by introspection, as the signed-in user.
  await expect.poll(() => introspection.length, { timeout: 15_000 }).toBeGreaterThan(0);
  expect(introspection[0]).toMatchObject({ status: 200, authorised: true });
  expect(introspection[0]!.types).toBeGreaterThan(50);

  const executed = page.waitForResponse(
    (r) => r.url().endsWith('/graphql') && (r.request().postData() ?? '').includes('SchoolAllDomains'),
  );
  await page.getByRole('button', { name: 'Выполнить' }).first().click();
  const result = (await (await executed).json()) as { data?: { school?: Record<string, unknown> }; errors?: unknown };
  expect(result.errors).toBeUndefined();
  expect(Object.keys(result.data!.school!)).toEqual(
    expect.arrayContaining(['vsoko', 'selfDiagnostics', 'assessmentResults', 'shnor', 'planProgress']),
  );
  // Monaco draws spaces as no-break spaces.
  const shown = async () => ((await page.locator('.graphiql-response').textContent()) ?? '').replace(/\u00a0/g, ' ');
  await expect.poll(shown, { timeout: 15_000 }).toContain('"code": "sch700001"');
  expect(await shown()).toContain('Александровский район');
  await screenshotBothSizes(page, 'console');

  expect(external, 'requests that left the machine').toEqual([]);
});

it('streams a subscription over graphql-ws with the user’s token', async () => {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'ru-RU' });
  const external = watchExternalRequests(page);
  const initFrames: string[] = [];
  page.on('websocket', (ws) =>
    ws.on('framesent', (frame) => {
      if (typeof frame.payload === 'string' && frame.payload.includes('connection_init'))
        initFrames.push(frame.payload);
    }),
  );
  await signInPage(page, hub.url);
  await page.goto(`${hub.url}console`);
  await page.locator('.graphiql-container').waitFor({ timeout: 20_000 });
  await page.locator('[data-example="Подписка: исполнение плана вживую"]').click();
  const shown = async () => ((await page.locator('.graphiql-response').textContent()) ?? '').replace(/\u00a0/g, ' ');
  await expect.poll(shown, { timeout: 15_000 }).toContain('"aggregateUpdated"');
  expect(await shown()).toContain('"label": "г. Томск"');
  expect(initFrames.some((f) => /"authorization":"Bearer [^"]+"/.test(f))).toBe(true);
  expect(external).toEqual([]);
});
