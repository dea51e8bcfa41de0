import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { Field, Int, ObjectType } from 'type-graphql';
import { CalendarDateScalar } from '@aftercare/subgraph';

/** One consumable stage of one device: when it was last changed and when it is due again. */
@ObjectType({ description: 'One consumable of a device, e.g. its sediment filter: last and next change.' })
@Entity('stage_clock')
@Index('ix_stage_clock_next_due', ['nextDueOn'])
export class StageClock {
  @PrimaryColumn({ type: 'uuid' })
  deviceId: string;

  @Field()
  @PrimaryColumn({ type: 'text' })
  stage: string;

  @Field(() => Int)
  @Column({ type: 'int' })
  intervalMonths: number;

  @Field(() => CalendarDateScalar, { description: 'Installed or last replaced (China day).' })
  @Column({ type: 'date' })
  lastChangedOn: string;

  @Field(() => CalendarDateScalar)
  @Column({ type: 'date' })
  nextDueOn: string;
}
