export { School, SchoolFounder } from './school.entity';
export { SchoolConnection, SchoolEdge } from './school-connection';
export { SchoolFilter } from './schools.inputs';
export { SchoolsService } from './schools.service';
export { createSchoolLoaders } from './schools.loader';
export {
  ClusterSchoolsResolver,
  MunicipalitySchoolsResolver,
  SchoolConnectionResolver,
  SchoolsResolver,
} from './schools.resolver';
