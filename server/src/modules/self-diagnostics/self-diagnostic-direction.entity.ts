import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { SelfDiagnosticDirectionKind } from './self-diagnostic-level';

@ObjectType({
  description: 'Магистральное направление или ключевое условие модели «Школа Минпросвещения России»',
})
@Entity('self_diagnostic_direction')
export class SelfDiagnosticDirection {
  @Field(() => String, { description: 'Stable slug, e.g. `knowledge`, `educational-environment`' })
  @PrimaryColumn('text')
  code: string;

  @Field(() => String, { description: 'e.g. «Знание», «Учитель. Школьная команда»' })
  @Column('text')
  name: string;

  @Field(() => SelfDiagnosticDirectionKind)
  @Column({ type: 'enum', enum: SelfDiagnosticDirectionKind, enumName: 'self_diagnostic_direction_kind' })
  kind: SelfDiagnosticDirectionKind;

  @Field(() => Int, { description: 'Order in the model and in files, from 1' })
  @Column('integer', { unique: true })
  position: number;
}
