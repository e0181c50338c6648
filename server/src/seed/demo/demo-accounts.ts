import fs from 'node:fs';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { generatePassword } from '../../modules/users/password';
import { Role, ROLE_TITLES } from '../../modules/users/role';
import { UsersService, type NewUser } from '../../modules/users/users.service';

export const DEMO_ACCOUNTS_FILE = 'demo-accounts.txt';

/** One account per role, scoped to real reference data (Томский район, the first sample schools). */
const ACCOUNTS: Omit<NewUser, 'password'>[] = [
  { username: 'demo-admin', role: Role.REGION_ADMIN, displayName: 'Администратор региона (демо)' },
  { username: 'demo-analyst', role: Role.REGION_ANALYST, displayName: 'Аналитик ТОИПКРО (демо)' },
  {
    username: 'demo-mouo-tomsky',
    role: Role.MUNICIPAL_OFFICER,
    municipalityCode: 'tomsky',
    displayName: 'Специалист МОУО Томского района (демо)',
  },
  {
    username: 'demo-school',
    role: Role.SCHOOL_COORDINATOR,
    schoolCode: 'sch700053',
    displayName: 'Координатор Турунтаевской СОШ (демо)',
  },
  {
    username: 'demo-expert',
    role: Role.EXPERT,
    assignedSchools: ['sch700053', 'sch700054', 'sch700055', 'sch700056'],
    displayName: 'Эксперт ВСОКО (демо)',
  },
  {
    username: 'demo-curator',
    role: Role.CURATOR,
    // Replaced by the first schools of the latest ШНОР list when there is one.
    assignedSchools: ['sch700057', 'sch700058', 'sch700059'],
    displayName: 'Куратор ШНОР (демо)',
  },
];

/**
 * On the embedded database's first start: one account per role with a random
 * password, printed once and written to `<dataDir>/demo-accounts.txt` (mode 600).
 * Nothing happens once any user exists.
 */
export async function createDemoAccounts(dataSource: DataSource, dataDir: string): Promise<string | null> {
  const [{ count }] = await dataSource.query('SELECT count(*)::int AS count FROM app_user');
  if (count > 0) return null;
  const users = new UsersService(dataSource.manager);
  // The curator's schools are on the latest ШНОР list, so their work shows at once.
  const listed: { school_code: string }[] = await dataSource.query(
    `SELECT school_code FROM shnor_listing WHERE year = (SELECT max(year) FROM shnor_listing) ORDER BY school_code LIMIT 3`,
  );
  const lines = ['Демо-учётные записи (созданы при первом запуске; смените или отключите их в рабочей системе):', ''];
  for (const template of ACCOUNTS) {
    const account =
      template.role === Role.CURATOR && listed.length > 0
        ? { ...template, assignedSchools: listed.map((r) => r.school_code) }
        : template;
    const password = generatePassword();
    await users.create({ ...account, password });
    const scope =
      account.municipalityCode ?? account.schoolCode ?? account.assignedSchools?.join(', ') ?? 'весь регион';
    lines.push(`${account.username.padEnd(18)} ${password}   ${ROLE_TITLES[account.role]} (${scope})`);
  }
  const text = `${lines.join('\n')}\n`;
  const file = path.join(dataDir, DEMO_ACCOUNTS_FILE);
  fs.writeFileSync(file, text, { mode: 0o600 });
  fs.chmodSync(file, 0o600);
  return text;
}
