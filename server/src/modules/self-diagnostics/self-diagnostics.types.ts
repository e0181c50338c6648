import { Field, Int, ObjectType } from 'type-graphql';
import { PageInfo } from '../../graphql/pagination';
import { SelfDiagnosticDirection } from './self-diagnostic-direction.entity';
import { SelfDiagnosticResult } from './self-diagnostic-result.entity';

@ObjectType({ description: 'Балл по одному направлению' })
export class SelfDiagnosticDirectionScore {
  @Field(() => SelfDiagnosticDirection)
  direction: SelfDiagnosticDirection;

  @Field(() => Int, { nullable: true, description: 'Null when the source gave no score' })
  score: number | null;
}

@ObjectType()
export class SelfDiagnosticResultEdge {
  @Field(() => String)
  cursor: string;

  @Field(() => SelfDiagnosticResult)
  node: SelfDiagnosticResult;
}

@ObjectType({ description: 'A page of self-diagnostic results; `totalCount` is counted only when asked for' })
export class SelfDiagnosticResultConnection {
  @Field(() => [SelfDiagnosticResultEdge])
  edges: SelfDiagnosticResultEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => Int, { description: 'Results matching the filter, on all pages' })
  totalCount: number | (() => Promise<number>);
}
