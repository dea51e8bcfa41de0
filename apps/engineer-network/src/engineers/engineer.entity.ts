import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { EngineerEmployment, EngineerEmployments, EngineerStatus, EngineerStatuses } from '@aftercare/event-contracts';
import { defineEnum } from '@aftercare/subgraph';

export const EngineerEmploymentEnum = defineEnum(
  EngineerEmployments,
  'EngineerEmployment',
  'A company employee (direct-run cities) or a partner working through the platform.',
);
export const EngineerStatusEnum = defineEnum(EngineerStatuses, 'EngineerStatus', 'Whether an engineer can be given work.');

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A field technician who installs, maintains and repairs on site.' })
@Entity('engineer')
// One phone line is one person: registering it twice would split one engineer's jobs and pay.
@Index('uq_engineer_phone', ['phone'], { unique: true })
export class Engineer {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field()
  @Column({ type: 'text' })
  name: string;

  /** Normalised (digits only, no +86), so the uniqueness holds however the number was typed. */
  @Field()
  @Column({ type: 'text' })
  phone: string;

  @Field(() => EngineerEmploymentEnum)
  @Column({ type: 'text' })
  employment: EngineerEmployment;

  @Field({ description: 'The city the engineer works from.' })
  @Column({ type: 'text' })
  homeCity: string;

  /** Read through coveredCities(): engineers registered before coverage was recorded have none stored. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  cities: string[];

  @Field(() => Int, { description: 'Jobs the engineer can take in one day.' })
  @Column({ type: 'int' })
  dailyCapacity: number;

  @Field(() => EngineerStatusEnum)
  @Column({ type: 'text', default: 'ACTIVE' })
  status: EngineerStatus;

  @Field()
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
