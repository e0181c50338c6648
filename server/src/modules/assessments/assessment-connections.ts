import { Field, Int, ObjectType } from 'type-graphql';
import { PageInfo } from '../../graphql/pagination';
import { AssessmentResult } from './assessment-result.entity';
import { ParticipantResult } from './participant-result.entity';

@ObjectType()
export class AssessmentResultEdge {
  @Field(() => String)
  cursor: string;

  @Field(() => AssessmentResult)
  node: AssessmentResult;
}

@ObjectType({ description: 'A page of school-level results; `totalCount` is counted only when asked for' })
export class AssessmentResultConnection {
  @Field(() => [AssessmentResultEdge])
  edges: AssessmentResultEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => Int, { description: 'Results matching the filter, on all pages' })
  totalCount: number | (() => Promise<number>);
}

@ObjectType()
export class ParticipantResultEdge {
  @Field(() => String)
  cursor: string;

  @Field(() => ParticipantResult)
  node: ParticipantResult;
}

@ObjectType({ description: 'A page of participant results; `totalCount` is counted only when asked for' })
export class ParticipantResultConnection {
  @Field(() => [ParticipantResultEdge])
  edges: ParticipantResultEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => Int, { description: 'Participant results matching the filter, on all pages' })
  totalCount: number | (() => Promise<number>);
}
