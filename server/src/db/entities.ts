import { Cluster } from '../modules/clusters/cluster.entity';
import { Municipality } from '../modules/municipalities/municipality.entity';
import { MunicipalityAlias } from '../modules/municipalities/municipality-alias.entity';
import { School } from '../modules/schools/school.entity';
import { SeedRun } from '../seed/seed-run.entity';

/** Every TypeORM entity; a test checks that the migrations build exactly these. */
export const entities = [Municipality, MunicipalityAlias, Cluster, School, SeedRun];
