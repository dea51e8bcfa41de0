import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';
import { defineEnum } from '@aftercare/subgraph';

export const CallbackStatuses = ['OPEN', 'DONE', 'UNREACHABLE'] as const;
export type CallbackStatus = (typeof CallbackStatuses)[number];
export const CallbackStatusEnum = defineEnum(CallbackStatuses, 'CallbackStatus', 'Where the call-back for a missed call stands.');

/** One call to the 400 line; a missed one carries its call-back task. */
@ObjectType({ description: 'A call to the 400 hotline; a missed call is a call-back task for the care team.' })
@Entity('hotline_call')
@Index('ix_hotline_call_at', ['calledAt'])
@Index('ix_hotline_callback_open', ['calledAt'], { where: `"callback_status" = 'OPEN'` })
export class HotlineCall {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field()
  @Column({ type: 'text' })
  callerPhone: string;

  @Field()
  @Column({ type: 'timestamptz', precision: 3 })
  calledAt: Date;

  @Field()
  @Column({ type: 'boolean' })
  answered: boolean;

  @Field(() => CallbackStatusEnum, { nullable: true })
  @Column({ type: 'text', nullable: true })
  callbackStatus: CallbackStatus | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  callbackNote: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  callbackBy: string | null;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  callbackAt: Date | null;
}
