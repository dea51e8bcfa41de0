import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';
import { UnavailabilityReason, UnavailabilityReasons } from '@aftercare/event-contracts';
import { CalendarDateScalar, defineEnum } from '@aftercare/subgraph';

export const UnavailabilityReasonEnum = defineEnum(UnavailabilityReasons, 'UnavailabilityReason', 'Why an engineer cannot work.');

@ObjectType('EngineerUnavailability', { description: 'Days (inclusive) on which the engineer cannot be given work.' })
@Entity('unavailability_window')
@Index('ix_unavailability_engineer', ['engineerId', 'startsOn'])
export class UnavailabilityWindow {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  engineerId: string;

  @Field(() => CalendarDateScalar)
  @Column({ type: 'date' })
  startsOn: string;

  @Field(() => CalendarDateScalar)
  @Column({ type: 'date' })
  endsOn: string;

  @Field(() => UnavailabilityReasonEnum)
  @Column({ type: 'text' })
  reason: UnavailabilityReason;
}
