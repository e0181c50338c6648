// First: the entities load TypeORM and with it the reflect-metadata polyfill, which the
// decorators of the resolvers below need when this index is the first thing loaded.
export { importEntities } from './entities';
import type { ClassType } from 'type-graphql';
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

export const importResolvers: ClassType[] = [ImportsResolver];
