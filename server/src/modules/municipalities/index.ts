export { Municipality, MunicipalityKind } from './municipality.entity';
export { MunicipalityAlias } from './municipality-alias.entity';
export { MunicipalityMatcher, normalizeMunicipalityName, type MunicipalityMatch } from './municipality-name';
export { MunicipalitiesService } from './municipalities.service';
export { createMunicipalityLoaders } from './municipalities.loader';
export { MunicipalitiesResolver, SchoolMunicipalityResolver } from './municipalities.resolver';
