import type { ClassType } from 'type-graphql';
import { ImportFileChunk, ImportJob, ImportRejectedRow } from './import-job.entity';
import { ImportsResolver } from './imports.resolver';

export { ImportJob } from './import-job.entity';
export type {
  AnyImportKind,
  ImportKind,
  Importer,
  MergeCounts,
  ParsedRow,
  RowProblem,
  StagingColumn,
} from './import-kind';
export { ImportPhase, ImportStatus } from './import-progress';
export { ImportsService, type StartImport } from './imports.service';
export { importsRouter } from './imports.http';
export { IMPORT_KINDS } from './kinds';
export { escapeFormula } from './rejected-export';

export const importEntities: ClassType[] = [ImportJob, ImportRejectedRow, ImportFileChunk];
export const importResolvers: ClassType[] = [ImportsResolver];
