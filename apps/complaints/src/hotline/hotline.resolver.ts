import { Arg, Ctx, Field, Float, ID, InputType, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { IsIn, IsOptional, MaxLength } from 'class-validator';
import { CalendarDateScalar, Guarded, IsPhone, RequestContext } from '@aftercare/subgraph';
import { CallbackStatus, CallbackStatusEnum, HotlineCall } from './hotline-call.entity';
import { HotlineService } from './hotline.service';

@InputType()
export class RecordHotlineCallInput {
  @Field()
  @IsPhone()
  callerPhone: string;

  @Field(() => Date, { nullable: true, description: 'Defaults to now.' })
  @IsOptional()
  calledAt?: Date | null;

  @Field()
  answered: boolean;
}

@InputType()
export class CompleteCallbackInput {
  @Field(() => CallbackStatusEnum, { description: 'DONE (reached) or UNREACHABLE.' })
  @IsIn(['DONE', 'UNREACHABLE'], { message: 'outcome must be DONE or UNREACHABLE' })
  outcome: Exclude<CallbackStatus, 'OPEN'>;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000)
  note?: string | null;
}

@ObjectType({ description: 'One China-time day of the 400 line against its 85 % answer target.' })
export class HotlineDayStats {
  @Field(() => CalendarDateScalar)
  day: string;

  @Field(() => Int)
  offered: number;

  @Field(() => Int)
  answered: number;

  @Field(() => Int)
  missed: number;

  @Field(() => Float)
  answerRate: number;

  @Field()
  meetsTarget: boolean;

  @Field(() => Int)
  callbacksOpen: number;
}

@Resolver(() => HotlineCall)
export class HotlineResolver {
  constructor(private readonly hotline: HotlineService) {}

  @Guarded()
  @Mutation(() => HotlineCall, { description: 'A call to the 400 line; a missed one opens a call-back task.' })
  recordHotlineCall(@Arg('input', () => RecordHotlineCallInput) input: RecordHotlineCallInput): Promise<HotlineCall> {
    return this.hotline.record(input);
  }

  @Guarded()
  @Mutation(() => HotlineCall)
  completeCallback(
    @Arg('callId', () => ID) callId: string,
    @Arg('input', () => CompleteCallbackInput) input: CompleteCallbackInput,
    @Ctx() { identity }: RequestContext,
  ): Promise<HotlineCall> {
    return this.hotline.completeCallback(identity, callId, input.outcome, input.note ?? null);
  }

  @Guarded()
  @Query(() => [HotlineCall], { description: 'Missed calls still to call back, oldest first.' })
  openCallbacks(@Arg('first', () => Int, { defaultValue: 50 }) first: number): Promise<HotlineCall[]> {
    return this.hotline.openCallbacks(Math.min(Math.max(first, 1), 200));
  }

  @Guarded()
  @Query(() => [HotlineDayStats])
  hotlineAnswerRates(@Arg('from', () => CalendarDateScalar) from: string, @Arg('to', () => CalendarDateScalar) to: string): Promise<HotlineDayStats[]> {
    return this.hotline.answerRates(from, to);
  }
}
