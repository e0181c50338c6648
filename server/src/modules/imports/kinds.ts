import { schoolsImport } from '../schools/schools.import';
import { selfDiagnosticsImport } from '../self-diagnostics/self-diagnostics.import';
import { vsokoEvaluationsImport } from '../vsoko/vsoko.import';
import type { AnyImportKind } from './import-kind';

/** Every kind of file the hub imports, by its name in URLs and on the command line. */
export const IMPORT_KINDS: ReadonlyMap<string, AnyImportKind> = new Map(
  [schoolsImport, vsokoEvaluationsImport, selfDiagnosticsImport].map((kind) => [kind.kind, kind as AnyImportKind]),
);
