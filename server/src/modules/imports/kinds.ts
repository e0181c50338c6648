import { assessmentResultsImport } from '../assessments/assessment-results.import';
import { participantResultsImport } from '../assessments/participant-results.import';
import { schoolsImport } from '../schools/schools.import';
import { selfDiagnosticsImport } from '../self-diagnostics/self-diagnostics.import';
import { shnorListImport } from '../shnor/shnor.import';
import { vsokoEvaluationsImport } from '../vsoko/vsoko.import';
import type { AnyImportKind } from './import-kind';

/** Every kind of file the hub imports, by its name in URLs and on the command line. */
export const IMPORT_KINDS: ReadonlyMap<string, AnyImportKind> = new Map(
  [
    schoolsImport,
    assessmentResultsImport,
    participantResultsImport,
    vsokoEvaluationsImport,
    selfDiagnosticsImport,
    shnorListImport,
  ].map((kind) => [kind.kind, kind as AnyImportKind]),
);
