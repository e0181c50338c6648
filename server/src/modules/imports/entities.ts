import type { ClassType } from 'type-graphql';
import { ImportFileChunk, ImportJob, ImportRejectedRow } from './import-job.entity';

/**
 * Entity classes of this module, for the data source. Apart from index.ts, so that registering
 * the entities loads neither the resolvers nor the services.
 */
export const importEntities: ClassType[] = [ImportJob, ImportRejectedRow, ImportFileChunk];
