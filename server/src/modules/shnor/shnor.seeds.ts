import { SYSTEM } from '../../graphql/actor';
import { loadDemoSchools } from '../../seed/demo/school-profile';
import { generateDemoShnorListings } from '../../seed/demo/shnor-listings';
import type { Seed } from '../../seed/seed';
import { ShnorService } from './shnor.service';

const demo: Seed = {
  name: 'demo:shnor@1',
  demo: true,
  async run(em) {
    const rows = generateDemoShnorListings(await loadDemoSchools(em));
    return (await new ShnorService(em).upsertListings(rows, SYSTEM, { isDemo: true })).inserted;
  },
};

export const shnorSeedList: Seed[] = [demo];
