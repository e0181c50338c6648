import { registerEnumType } from 'type-graphql';

/** Городская или сельская местность. */
export enum Locality {
  URBAN = 'urban',
  RURAL = 'rural',
}

registerEnumType(Locality, {
  name: 'Locality',
  description: 'Местность',
  valuesConfig: {
    URBAN: { description: 'Городская' },
    RURAL: { description: 'Сельская' },
  },
});
