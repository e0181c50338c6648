import { Ctx, FieldResolver, Float, Int, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../graphql/context';
import { School } from '../schools/school.entity';
import { AssessmentResultConnection, ParticipantResultConnection } from './assessment-connections';
import {
  belowMinimumShare,
  journalLoweredShare,
  journalRaisedShare,
  markedCount,
  meanMark,
  share2,
  share45,
} from './assessment-figures';
import { AssessmentResult } from './assessment-result.entity';
import { ParticipantResult } from './participant-result.entity';
import { AssessmentProcedure } from './procedure.entity';
import { AssessmentSubject } from './subject.entity';

async function required<T>(value: Promise<T | null>, what: string): Promise<T> {
  const found = await value;
  if (found === null) throw new Error(`Missing ${what}`);
  return found;
}

@Resolver(() => AssessmentResult)
export class AssessmentResultFieldsResolver {
  @FieldResolver(() => School)
  school(@Root() r: AssessmentResult, @Ctx() ctx: HubContext): Promise<School> {
    return required(ctx.loaders.schoolByCode.load(r.schoolCode), `school ${r.schoolCode}`);
  }

  @FieldResolver(() => AssessmentProcedure)
  procedure(@Root() r: AssessmentResult, @Ctx() ctx: HubContext): Promise<AssessmentProcedure> {
    return required(ctx.loaders.assessmentProcedureByCode.load(r.procedureCode), `procedure ${r.procedureCode}`);
  }

  @FieldResolver(() => AssessmentSubject)
  subject(@Root() r: AssessmentResult, @Ctx() ctx: HubContext): Promise<AssessmentSubject> {
    return required(ctx.loaders.assessmentSubjectByCode.load(r.subjectCode), `subject ${r.subjectCode}`);
  }

  @FieldResolver(() => Int, {
    description: 'Participants with a mark: all in reported rows; in derived ЕГЭ rows only those marked (base maths)',
  })
  marked(@Root() r: AssessmentResult): number {
    return markedCount(r);
  }

  @FieldResolver(() => Float, { nullable: true, description: 'Доля «2» среди получивших отметку (0…1)' })
  share2(@Root() r: AssessmentResult): number | null {
    return share2(r);
  }

  @FieldResolver(() => Float, { nullable: true, description: 'Доля «4» и «5» среди получивших отметку (0…1)' })
  share45(@Root() r: AssessmentResult): number | null {
    return share45(r);
  }

  @FieldResolver(() => Float, { nullable: true, description: 'Средняя отметка' })
  meanMark(@Root() r: AssessmentResult): number | null {
    return meanMark(r);
  }

  @FieldResolver(() => Float, {
    nullable: true,
    description: 'Доля не преодолевших минимальный балл ЕГЭ среди участников (0…1)',
  })
  belowMinimumShare(@Root() r: AssessmentResult): number | null {
    return belowMinimumShare(r);
  }

  @FieldResolver(() => Float, { nullable: true, description: 'Доля понизивших отметку по журналу (0…1)' })
  journalLoweredShare(@Root() r: AssessmentResult): number | null {
    return journalLoweredShare(r);
  }

  @FieldResolver(() => Float, { nullable: true, description: 'Доля повысивших отметку по журналу (0…1)' })
  journalRaisedShare(@Root() r: AssessmentResult): number | null {
    return journalRaisedShare(r);
  }
}

@Resolver(() => ParticipantResult)
export class ParticipantResultFieldsResolver {
  @FieldResolver(() => School)
  school(@Root() r: ParticipantResult, @Ctx() ctx: HubContext): Promise<School> {
    return required(ctx.loaders.schoolByCode.load(r.schoolCode), `school ${r.schoolCode}`);
  }

  @FieldResolver(() => AssessmentProcedure)
  procedure(@Root() r: ParticipantResult, @Ctx() ctx: HubContext): Promise<AssessmentProcedure> {
    return required(ctx.loaders.assessmentProcedureByCode.load(r.procedureCode), `procedure ${r.procedureCode}`);
  }

  @FieldResolver(() => AssessmentSubject)
  subject(@Root() r: ParticipantResult, @Ctx() ctx: HubContext): Promise<AssessmentSubject> {
    return required(ctx.loaders.assessmentSubjectByCode.load(r.subjectCode), `subject ${r.subjectCode}`);
  }
}

type LazyCount = { totalCount: number | (() => Promise<number>) };
const total = (c: LazyCount) => (typeof c.totalCount === 'function' ? c.totalCount() : c.totalCount);

@Resolver(() => AssessmentResultConnection)
export class AssessmentResultConnectionResolver {
  @FieldResolver(() => Int)
  totalCount(@Root() connection: AssessmentResultConnection): number | Promise<number> {
    return total(connection);
  }
}

@Resolver(() => ParticipantResultConnection)
export class ParticipantResultConnectionResolver {
  @FieldResolver(() => Int)
  totalCount(@Root() connection: ParticipantResultConnection): number | Promise<number> {
    return total(connection);
  }
}
