import { assessmentEntities } from '../modules/assessments';
import { auditEntities } from '../modules/audit';
import { Cluster } from '../modules/clusters/cluster.entity';
import { importEntities } from '../modules/imports';
import { userEntities } from '../modules/users';
import { Municipality } from '../modules/municipalities/municipality.entity';
import { MunicipalityAlias } from '../modules/municipalities/municipality-alias.entity';
import { planEntities } from '../modules/plans';
import { riskEntities } from '../modules/risk';
import { School } from '../modules/schools/school.entity';
import { selfDiagnosticEntities } from '../modules/self-diagnostics';
import { shnorEntities } from '../modules/shnor';
import { vsokoEntities } from '../modules/vsoko';
import { SeedRun } from '../seed/seed-run.entity';

/** Every TypeORM entity; a test checks that the migrations build exactly these. */
export const entities = [
  Municipality,
  MunicipalityAlias,
  Cluster,
  School,
  SeedRun,
  ...assessmentEntities,
  ...vsokoEntities,
  ...selfDiagnosticEntities,
  ...shnorEntities,
  ...planEntities,
  ...importEntities,
  ...userEntities,
  ...auditEntities,
  ...riskEntities,
];
