import type { ClassType } from 'type-graphql';
import { AppUser, LoginAttempt, RefreshToken, UserSchoolAssignment } from './user.entity';

/**
 * Entity classes of this module, for the data source. Apart from index.ts, so that registering
 * the entities loads neither the resolvers nor the services.
 */
export const userEntities: ClassType[] = [AppUser, UserSchoolAssignment, RefreshToken, LoginAttempt];
