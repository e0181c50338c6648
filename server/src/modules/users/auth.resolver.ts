import { Arg, Ctx, Field, FieldResolver, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../graphql/context';
import { AppUser } from './user.entity';

@ObjectType({ description: 'A signed-in session' })
class AuthPayload {
  @Field(() => String, { description: 'Send as `Authorization: Bearer …`; valid for expiresIn seconds' })
  accessToken: string;

  @Field(() => String, { description: 'Exchange for a new pair with refreshToken; works once' })
  refreshToken: string;

  @Field(() => Int)
  expiresIn: number;

  @Field(() => AppUser)
  user: AppUser;
}

@Resolver(() => AppUser)
export class AuthResolver {
  @Mutation(() => AuthPayload, {
    description: 'Sign in; the only operation open to anonymous callers, with refreshToken',
  })
  login(
    @Arg('username', () => String) username: string,
    @Arg('password', () => String) password: string,
    @Ctx() ctx: HubContext,
  ): Promise<AuthPayload> {
    return ctx.auth.login(username, password, ctx.request.address, ctx.request.requestId);
  }

  @Mutation(() => AuthPayload, { description: 'A new access token (and refresh token) for a refresh token' })
  refreshToken(@Arg('refreshToken', () => String) token: string, @Ctx() ctx: HubContext): Promise<AuthPayload> {
    return ctx.auth.refresh(token);
  }

  @Mutation(() => Boolean, { description: 'Ends the session (of the given refresh token, or of this access token)' })
  logout(
    @Arg('refreshToken', () => String, { nullable: true }) token: string | null,
    @Ctx() ctx: HubContext,
  ): Promise<boolean> {
    return ctx.auth.logout(token ?? null, ctx.request.sessionId, ctx.actor, ctx.request.requestId);
  }

  @Query(() => AppUser, { nullable: true, description: 'The signed-in user' })
  me(@Ctx() ctx: HubContext): Promise<AppUser | null> | null {
    return ctx.actor.userId ? ctx.em.findOneBy(AppUser, { id: ctx.actor.userId }) : null;
  }

  @FieldResolver(() => [String], { description: 'Schools assigned to an expert or a curator' })
  async assignedSchools(@Root() user: AppUser, @Ctx() ctx: HubContext): Promise<string[]> {
    if (user.assignedSchoolCodes) return user.assignedSchoolCodes;
    if (ctx.actor.userId === user.id) return user.schoolCode ? [] : ctx.actor.schoolCodes;
    const rows: { school_code: string }[] = await ctx.em.query(
      'SELECT school_code FROM user_school_assignment WHERE user_id = $1 ORDER BY school_code',
      [user.id],
    );
    return rows.map((r) => r.school_code);
  }
}
