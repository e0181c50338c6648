import type { EntityManager } from 'typeorm';
import { Cluster } from '../modules/clusters/cluster.entity';
import { MunicipalityAlias } from '../modules/municipalities/municipality-alias.entity';
import { Municipality } from '../modules/municipalities/municipality.entity';
import { normalizeMunicipalityName } from '../modules/municipalities/municipality-name';
import { assessmentSeedList } from '../modules/assessments/assessments.seeds';
import { plansSeedList } from '../modules/plans/plans.seeds';
import { riskSeedList } from '../modules/risk/risk.seeds';
import { School } from '../modules/schools/school.entity';
import { selfDiagnosticSeedList } from '../modules/self-diagnostics/self-diagnostics.seeds';
import { shnorSeedList } from '../modules/shnor/shnor.seeds';
import { vsokoSeedList } from '../modules/vsoko/vsoko.seeds';
import { generateDemoSchools } from './demo/demo-schools';
import { DEFAULT_CLUSTERS } from './reference/clusters';
import { MUNICIPALITIES, municipalityAliases } from './reference/municipalities';
import { SAMPLE_SCHOOLS, type SchoolReference } from './reference/sample-schools';
import type { Seed } from './seed';

async function insertSchools(em: EntityManager, schools: SchoolReference[], isDemo: boolean): Promise<number> {
  const rows = schools.map((s) => ({ ...s, isDemo }));
  const result = await em
    .createQueryBuilder()
    .insert()
    .into(School)
    .values(rows)
    .orIgnore()
    .returning('code')
    .execute();
  return (result.raw as unknown[]).length;
}

const territory: Seed = {
  name: 'reference:territory@1',
  demo: false,
  async run(em) {
    await em.createQueryBuilder().insert().into(Cluster).values(DEFAULT_CLUSTERS).orIgnore().execute();
    await em
      .createQueryBuilder()
      .insert()
      .into(Municipality)
      .values(MUNICIPALITIES.map(({ stem: _stem, extraAliases: _extra, ...m }, sortOrder) => ({ ...m, sortOrder })))
      .orIgnore()
      .execute();
    const aliases = new Map<string, MunicipalityAlias>();
    for (const m of MUNICIPALITIES) {
      for (const alias of municipalityAliases(m)) {
        const key = normalizeMunicipalityName(alias);
        const taken = aliases.get(key);
        if (taken && taken.municipalityCode !== m.code) {
          throw new Error(`Alias «${alias}» would name both ${taken.municipalityCode} and ${m.code}`);
        }
        aliases.set(key, Object.assign(new MunicipalityAlias(), { key, alias, municipalityCode: m.code }));
      }
    }
    await em
      .createQueryBuilder()
      .insert()
      .into(MunicipalityAlias)
      .values([...aliases.values()])
      .orIgnore()
      .execute();
    const schools = await insertSchools(em, SAMPLE_SCHOOLS, false);
    return DEFAULT_CLUSTERS.length + MUNICIPALITIES.length + aliases.size + schools;
  },
};

const demoSchools: Seed = {
  name: 'demo:schools@1',
  demo: true,
  run: (em) => insertSchools(em, generateDemoSchools(), true),
};

/**
 * Every seed in the order it runs: the territory and demo schools first,
 * since every domain's reference and demo data hang on schools.
 */
export const SEEDS: Seed[] = [
  territory,
  demoSchools,
  ...assessmentSeedList,
  ...vsokoSeedList,
  ...selfDiagnosticSeedList,
  ...shnorSeedList,
  ...plansSeedList,
  ...riskSeedList,
];
