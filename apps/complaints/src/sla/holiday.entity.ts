import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Field, ObjectType } from 'type-graphql';
import { CalendarDateScalar } from '@aftercare/subgraph';

/**
 * A public holiday: back-office targets whose policy says so do not count it. The hotline answers 365 days a year,
 * so its clocks never skip one. Data, kept by an ADMIN (setBusinessHoliday, removeBusinessHoliday).
 */
@ObjectType({ description: "A public holiday, skipped by the back-office clocks of policies that observe holidays; never by the hotline's." })
@Entity('business_holiday')
export class BusinessHoliday {
  @Field(() => CalendarDateScalar, { description: 'China time.' })
  @PrimaryColumn({ type: 'date' })
  day: string;

  @Field()
  @Column({ type: 'text' })
  name: string;
}
