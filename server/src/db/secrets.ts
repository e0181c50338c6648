import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';

/**
 * The access-token signing secret: generated once and kept in the database
 * (readable by the owner only, not by the request role), so that every
 * replica signs and verifies with the same key.
 */
export async function ensureJwtSecret(dataSource: DataSource): Promise<string> {
  await dataSource.query(`INSERT INTO hub_secret (name, value) VALUES ('jwt', $1) ON CONFLICT (name) DO NOTHING`, [
    randomBytes(48).toString('base64url'),
  ]);
  const [row] = await dataSource.query(`SELECT value FROM hub_secret WHERE name = 'jwt'`);
  return row.value;
}
