// First: the entities load TypeORM and with it the reflect-metadata polyfill, which the
// decorators of the resolvers below need when this index is the first thing loaded.
export { userEntities } from './entities';
import type { ClassType } from 'type-graphql';
import { AuthResolver } from './auth.resolver';

export { AuthService, type Session } from './auth.service';
export { generatePassword, hashPassword } from './password';
export { Role, ROLE_TITLES } from './role';
export { TokenService } from './tokens';
export { AppUser } from './user.entity';
export { AuthErrorCode, UserErrorCode } from './users.errors';
export { UsersService, validateNewUser, type NewUser } from './users.service';

export const userResolvers: ClassType[] = [AuthResolver];
