import { Repeater } from '@graphql-yoga/subscription';
import { Arg, Ctx, Field, FieldResolver, ID, Int, ObjectType, Query, Resolver, Root, Subscription } from 'type-graphql';
import { seesEverySchool } from '../../graphql/actor';
import type { HubContext } from '../../graphql/context';
import { pageComplexity } from '../../graphql/query-limits';
import { ImportJob } from './import-job.entity';
import { columnsOf } from './import-kind';
import { ImportPhase, ImportProgressEvent } from './import-progress';
import { ImportsService } from './imports.service';
import { IMPORT_KINDS } from './kinds';

@ObjectType()
class ImportColumn {
  @Field(() => String)
  header: string;

  @Field(() => [String], { description: 'Other spellings the header may have' })
  aliases: string[];

  @Field(() => Boolean)
  required: boolean;
}

@ObjectType({ description: 'A kind of file the hub imports' })
class ImportKindInfo {
  @Field(() => String)
  kind: string;

  @Field(() => String)
  title: string;

  @Field(() => [ImportColumn])
  columns: ImportColumn[];
}

@ObjectType({ description: 'A problem of one row: line in the file, column as the header writes it, message' })
class ImportProblem {
  @Field(() => Int)
  line: number;

  @Field(() => String, { nullable: true })
  column: string | null;

  @Field(() => String)
  message: string;
}

const service = (ctx: HubContext) => new ImportsService(ctx.dataSource, ctx.pubSub);

function progressOf(job: ImportJob): ImportProgressEvent {
  return { jobId: job.id, phase: job.phase, status: job.status, rowsRead: job.rowsRead, rejected: job.rejected };
}

@Resolver(() => ImportJob)
export class ImportsResolver {
  @Query(() => [ImportKindInfo], { description: 'What can be imported, and the columns each kind reads' })
  importKinds(@Ctx() ctx: HubContext): Promise<ImportKindInfo[]> {
    return Promise.all(
      [...IMPORT_KINDS.values()].map(async (k) => ({
        kind: k.kind,
        title: k.title,
        columns: (await columnsOf(k, ctx.em)).map((c) => ({
          header: c.headers[0]!,
          aliases: c.headers.slice(1),
          required: c.required,
        })),
      })),
    );
  }

  @Query(() => ImportJob, { nullable: true, description: 'An import: your own, or any for the region’s roles' })
  importJob(@Arg('id', () => ID) id: string, @Ctx() ctx: HubContext): Promise<ImportJob | null> {
    // Through the request's scope: row-level security shows other users' jobs to the region's roles only.
    return /^[0-9a-f-]{36}$/i.test(id) ? ctx.em.findOneBy(ImportJob, { id }) : Promise.resolve(null);
  }

  @FieldResolver(() => [ImportProblem], {
    complexity: pageComplexity,
    description: 'Problems of rejected rows, in line order',
  })
  async problems(
    @Root() job: ImportJob,
    @Ctx() ctx: HubContext,
    @Arg('first', () => Int, { defaultValue: 100 }) first: number,
    @Arg('afterLine', () => Int, { nullable: true }) afterLine: number | undefined,
  ): Promise<ImportProblem[]> {
    const rows = await service(ctx).rejectedRows(job.id, Math.min(Math.max(first, 0), 500), afterLine);
    return rows.flatMap((r) => r.problems.map((p) => ({ line: r.line, column: p.column, message: p.message })));
  }

  @FieldResolver(() => String, { nullable: true, description: 'Where to download the rejected rows as CSV' })
  rejectedCsvUrl(@Root() job: ImportJob): string | null {
    return job.rejected > 0 ? `/api/imports/${job.id}/rejected.csv` : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Where to download the rejected rows as XLSX' })
  rejectedXlsxUrl(@Root() job: ImportJob): string | null {
    return job.rejected > 0 ? `/api/imports/${job.id}/rejected.xlsx` : null;
  }

  @Subscription(() => ImportProgressEvent, {
    description: 'The job’s phase and rows processed: the current state at once, then each change until it ends',
    subscribe: ({ args, context }) => {
      const ctx = context as HubContext;
      const jobId = String(args.jobId);
      return new Repeater<ImportProgressEvent>(async (push, stop) => {
        // Listen before reading the state, so no event falls between the two.
        const live = ctx.pubSub.subscribe('import.progress', jobId)[Symbol.asyncIterator]();
        let nextEvent = live.next();
        stop.then(() => live.return?.());
        const job = await service(ctx).byId(jobId);
        if (!job || (!seesEverySchool(ctx.actor) && job.userId !== ctx.actor.userId)) return stop();
        let state = progressOf(job);
        await push(state);
        while (state.phase !== ImportPhase.DONE) {
          // A job run by another server process publishes there: its state is
          // re-read from the database when nothing arrives here for a second.
          const timeout = new Promise<'recheck'>((r) => setTimeout(() => r('recheck'), 1000).unref());
          const next = await Promise.race([nextEvent, timeout, stop.then(() => 'stopped' as const)]);
          if (next === 'stopped') return;
          if (next === 'recheck') {
            const current = await service(ctx).byId(jobId);
            if (!current || (current.rowsRead === state.rowsRead && current.phase === state.phase)) continue;
            state = progressOf(current);
            await push(state);
            continue;
          }
          if (next.done) break;
          nextEvent = live.next();
          state = next.value;
          await push(state);
        }
        stop();
      });
    },
  })
  importProgress(@Arg('jobId', () => ID) _jobId: string, @Root() event: ImportProgressEvent): ImportProgressEvent {
    return event;
  }
}
