import { Role } from '../../server/src/modules/users/role';
import { UsersService } from '../../server/src/modules/users/users.service';
import type { GraphqlClient } from './client';
import type { TestHub } from './hub';

export { Role };

export interface TestUser {
  id: string;
  username: string;
  password: string;
  role: Role;
  /** Signed in as this user. */
  client: GraphqlClient;
}

export interface UserSpec {
  role: Role;
  username?: string;
  municipalityCode?: string;
  schoolCode?: string;
  assignedSchools?: string[];
}

let sequence = 0;

/** Creates an account of a role and scope (as the command line would) and signs it in. */
export async function createUser(hub: TestHub, spec: UserSpec): Promise<TestUser> {
  sequence += 1;
  const username = spec.username ?? `t-${spec.role.replace(/_/g, '-')}-${sequence}`;
  const password = `password-${sequence}-${Math.random().toString(36).slice(2)}`;
  const user = await new UsersService(hub.hub.dataSource.manager).create({
    username,
    password,
    role: spec.role,
    municipalityCode: spec.municipalityCode ?? null,
    schoolCode: spec.schoolCode ?? null,
    assignedSchools: spec.assignedSchools ?? null,
    displayName: `Тест: ${username}`,
  });
  return { id: user.id, username, password, role: spec.role, client: await hub.signIn(username, password) };
}
