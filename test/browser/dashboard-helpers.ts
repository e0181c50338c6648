import type { Page } from 'playwright-core';
import { Role } from '../../server/src/modules/users/role';
import { UsersService } from '../../server/src/modules/users/users.service';
import { saveScreenshot } from '../harness/browser';
import type { TestHub } from '../harness/hub';

export { Role };

let sequence = 0;

/** An account of a role and scope, created as the command line would; returns what the sign-in form needs. */
export async function createAccount(
  hub: TestHub,
  spec: { role: Role; municipalityCode?: string; schoolCode?: string; assignedSchools?: string[] },
): Promise<{ username: string; password: string; displayName: string }> {
  sequence += 1;
  const username = `ui-${spec.role.replace(/_/g, '-')}-${sequence}-${Math.random().toString(36).slice(2, 6)}`;
  const password = `password-${Math.random().toString(36).slice(2)}-${sequence}`;
  const displayName = `Проверка ${sequence}`;
  await new UsersService(hub.hub.dataSource.manager).create({
    username,
    password,
    role: spec.role,
    displayName,
    municipalityCode: spec.municipalityCode ?? null,
    schoolCode: spec.schoolCode ?? null,
    assignedSchools: spec.assignedSchools ?? null,
  });
  return { username, password, displayName };
}

export const SIZES = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;

/** The page as a laptop and a large monitor show it, for a person to look at. */
export async function screenshotBothSizes(page: Page, name: string): Promise<void> {
  const before = page.viewportSize();
  for (const size of SIZES) {
    await page.setViewportSize(size);
    // Charts redraw on resize; give them a frame or two.
    await page.waitForTimeout(400);
    await saveScreenshot(page, `${name}-${size.width}`);
  }
  if (before) await page.setViewportSize(before);
}

/** Requests that leave this machine: the dashboard must need none (closed networks). */
export function watchExternalRequests(page: Page): string[] {
  const external: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (['data:', 'blob:'].includes(url.protocol)) return;
    if (!['127.0.0.1', 'localhost'].includes(url.hostname)) external.push(request.url());
  });
  return external;
}
