import { Field, Int, ObjectType } from 'type-graphql';
import { PageInfo } from '../../graphql/pagination';
import { School } from './school.entity';

@ObjectType()
export class SchoolEdge {
  @Field(() => String)
  cursor: string;

  @Field(() => School)
  node: School;
}

/** A page of schools; `totalCount` is counted only when asked for. */
@ObjectType()
export class SchoolConnection {
  @Field(() => [SchoolEdge])
  edges: SchoolEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => Int, { description: 'Schools matching the filter, on all pages' })
  totalCount: number | (() => Promise<number>);
}
