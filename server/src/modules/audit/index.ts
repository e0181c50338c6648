import type { ClassType } from 'type-graphql';
import { AuditEntry } from './audit-entry.entity';
import { AuditEntryConnectionResolver, AuditResolver } from './audit.resolver';

export { audit, type AuditChange } from './audit';
export { AuditEntry } from './audit-entry.entity';

export const auditEntities: ClassType[] = [AuditEntry];
export const auditResolvers: ClassType[] = [AuditResolver, AuditEntryConnectionResolver];
