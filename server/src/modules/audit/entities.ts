import type { ClassType } from 'type-graphql';
import { AuditEntry } from './audit-entry.entity';

/**
 * Entity classes of this module, for the data source. Apart from index.ts, so that registering
 * the entities loads neither the resolvers nor the services.
 */
export const auditEntities: ClassType[] = [AuditEntry];
