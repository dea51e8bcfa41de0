import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Field, ObjectType } from 'type-graphql';

/** A day business-hour targets do not count (the hotline may still answer). Data, kept by supervisors. */
@ObjectType()
@Entity('business_holiday')
export class BusinessHoliday {
  @Field({ description: 'YYYY-MM-DD, China time.' })
  @PrimaryColumn({ type: 'date' })
  day: string;

  @Field()
  @Column({ type: 'text' })
  name: string;
}
