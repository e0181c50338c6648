import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';

export enum MunicipalityKind {
  CITY_DISTRICT = 'city_district',
  MUNICIPAL_DISTRICT = 'municipal_district',
}

registerEnumType(MunicipalityKind, {
  name: 'MunicipalityKind',
  description: 'Вид муниципального образования',
  valuesConfig: {
    CITY_DISTRICT: { description: 'Городской округ' },
    MUNICIPAL_DISTRICT: { description: 'Муниципальный район' },
  },
});

@ObjectType({ description: 'Муниципальное образование Томской области (20: 4 городских округа и 16 районов)' })
@Entity('municipality')
export class Municipality {
  @Field(() => String, { description: 'Stable slug, e.g. `tomsk`, `tomsky`' })
  @PrimaryColumn('text')
  code: string;

  @Field(() => String)
  @Column('text')
  name: string;

  @Field(() => MunicipalityKind)
  @Column({ type: 'enum', enum: MunicipalityKind, enumName: 'municipality_kind' })
  kind: MunicipalityKind;

  @Field(() => String, { description: 'Административный центр' })
  @Column('text')
  centre: string;

  @Field(() => Float, { description: 'Approximate latitude of the centre (for the bubble map)' })
  @Column('double precision')
  latitude: number;

  @Field(() => Float, { description: 'Approximate longitude of the centre' })
  @Column('double precision')
  longitude: number;

  @Field(() => Int, { description: 'Approximate road distance from the centre to Tomsk, km (editable reference data)' })
  @Column('integer')
  distanceToTomskKm: number;

  @Field(() => Boolean, { description: 'Whether the centre has a year-round road connection' })
  @Column('boolean')
  yearRoundRoad: boolean;

  /** Display order: city districts first, then districts alphabetically. */
  @Column('integer')
  sortOrder: number;
}
