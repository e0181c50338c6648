import type { ClassType } from 'type-graphql';
import { ShnorListing } from './shnor-listing.entity';

/**
 * Entity classes of this module, for the data source. Apart from index.ts, so that registering
 * the entities loads neither the resolvers nor the services.
 */
export const shnorEntities: ClassType[] = [ShnorListing];
