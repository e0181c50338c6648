import type { ClassType } from 'type-graphql';
import { AuthResolver } from './auth.resolver';
import { AppUser, LoginAttempt, RefreshToken, UserSchoolAssignment } from './user.entity';

export { AuthService, type Session } from './auth.service';
export { generatePassword, hashPassword } from './password';
export { Role, ROLE_TITLES } from './role';
export { TokenService } from './tokens';
export { AppUser } from './user.entity';
export { AuthErrorCode, UserErrorCode } from './users.errors';
export { UsersService, validateNewUser, type NewUser } from './users.service';

export const userEntities: ClassType[] = [AppUser, UserSchoolAssignment, RefreshToken, LoginAttempt];
export const userResolvers: ClassType[] = [AuthResolver];
