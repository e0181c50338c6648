import { assessmentEntities } from '../modules/assessments/entities';
import { auditEntities } from '../modules/audit/entities';
import { Cluster } from '../modules/clusters/cluster.entity';
import { importEntities } from '../modules/imports/entities';
import { userEntities } from '../modules/users/entities';
import { Municipality } from '../modules/municipalities/municipality.entity';
import { MunicipalityAlias } from '../modules/municipalities/municipality-alias.entity';
import { planEntities } from '../modules/plans/entities';
import { riskEntities } from '../modules/risk/entities';
import { School } from '../modules/schools/school.entity';
import { selfDiagnosticEntities } from '../modules/self-diagnostics/entities';
import { shnorEntities } from '../modules/shnor/entities';
import { vsokoEntities } from '../modules/vsoko/entities';
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
