import type { EntityManager } from 'typeorm';

/** A named, one-time load of reference or demo data. */
export interface Seed {
  /** Recorded in `seed_run`; a new version of a seed gets a new name (`reference:vsoko@1`). */
  name: string;
  /** Demo seeds run only where demo data is wanted; every row they write is labelled demo. */
  demo: boolean;
  /** Writes the rows and returns how many; runs inside the seeding transaction. */
  run(em: EntityManager): Promise<number>;
}
