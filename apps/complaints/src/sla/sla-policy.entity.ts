import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { ComplaintCategory } from '@aftercare/event-contracts';
import { defineEnum } from '@aftercare/subgraph';
import { ComplaintCategoryEnum, ComplaintPriority, ComplaintPriorityEnum } from '../complaints/complaint.entity';

export const SlaTimeBases = ['BUSINESS_HOURS', 'ELAPSED_HOURS'] as const;
export type SlaTimeBase = (typeof SlaTimeBases)[number];
export const SlaTimeBaseEnum = defineEnum(SlaTimeBases, 'SlaTimeBase', 'Whether a target counts hotline business hours or every hour.');

/** Targets are data: one policy per category and priority, kept by supervisors. */
@ObjectType({ description: 'The SLA targets for complaints of one category and priority.' })
@Entity('sla_policy')
@Index('uq_sla_policy', ['category', 'priority'], { unique: true })
export class SlaPolicy {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ComplaintCategoryEnum)
  @Column({ type: 'text' })
  category: ComplaintCategory;

  @Field(() => ComplaintPriorityEnum)
  @Column({ type: 'text' })
  priority: ComplaintPriority;

  @Field(() => Int)
  @Column({ type: 'int' })
  firstContactHours: number;

  @Field(() => Int)
  @Column({ type: 'int' })
  opinionHours: number;

  @Field(() => Int)
  @Column({ type: 'int' })
  resolutionHours: number;

  @Field(() => SlaTimeBaseEnum)
  @Column({ type: 'text' })
  countedIn: SlaTimeBase;

  @Field(() => Int, { description: 'How long before a target the warning goes out.' })
  @Column({ type: 'int' })
  warnBeforeMinutes: number;

  /**
   * The 400 hotline answers 365 days a year (08:00–21:00), so first contact — the hotline's clock — counts every
   * day. Only a back-office target (opinion, resolution) may stop on public holidays, and only where the policy says so.
   */
  @Field({
    description: "Public holidays do not count on this policy's back-office clocks (opinion, resolution); first contact, the hotline's, counts every day.",
  })
  @Column({ type: 'boolean', default: false })
  backOfficeObservesHolidays: boolean;
}
