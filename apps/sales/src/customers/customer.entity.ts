import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Guarded } from '@aftercare/subgraph';
import { BusinessType, BusinessTypeEnum, ProspectGrade, ProspectGradeEnum } from './customer-profile';

@ObjectType({ description: "One of the customer's own people the company talks to." })
export class CustomerContactPerson {
  @Field()
  name: string;

  @Field()
  phone: string;

  @Field(() => String, { nullable: true })
  position: string | null;
}

@ObjectType({ description: 'A place where the customer is served.' })
export class CustomerSite {
  @Field()
  city: string;

  @Field()
  address: string;

  @Field(() => Number, { nullable: true, description: 'Square metres, when known.' })
  areaM2: number | null;
}

/** The customer card: one per person or business, however many channels its orders come through. */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'A customer card (archive) kept by sales.' })
@Entity('customer')
@Index('ix_customer_owner_created', ['ownerId', 'createdAt', 'id'])
@Index('ix_customer_referred_by', ['referredById'])
export class Customer {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field()
  @Column({ type: 'text' })
  name: string;

  /** Normalised (digits only, no +86) so one person is one card whichever way the number was typed. */
  @Field()
  @Column({ type: 'text', unique: true })
  phone: string;

  @Field()
  @Column({ type: 'text' })
  city: string;

  @Field()
  @Column({ type: 'text' })
  address: string;

  @Guarded()
  @Field({ description: 'The sales region the card belongs to (by default its city).' })
  @Column({ type: 'text', default: '' })
  region: string;

  @Guarded()
  @Field(() => BusinessTypeEnum)
  @Column({ type: 'text', default: 'HOUSEHOLD' })
  businessType: BusinessType;

  @Guarded()
  @Field(() => Int, { description: 'Scale of the business, 1 (single household) – 5 (chain, large site).' })
  @Column({ type: 'smallint', default: 1 })
  scale: number;

  @Guarded()
  @Field(() => Int, { description: 'Market influence, 1 (none) – 5 (opinion leader, brand name).' })
  @Column({ type: 'smallint', default: 1 })
  influence: number;

  @Guarded()
  @Field(() => ProspectGradeEnum)
  @Column({ type: 'text', default: 'F' })
  grade: ProspectGrade;

  @Guarded()
  @Field({ description: 'Key customers get extra attention from sales and service.' })
  @Column({ type: 'boolean', default: false })
  key: boolean;

  /** The salesperson who owns the card; null only for cards that came in through a partner brand. */
  @Column({ type: 'uuid', nullable: true })
  ownerId: string | null;

  /** The existing customer who recommended this one: referrals count towards the referrer's loyalty. */
  @Guarded()
  @Field(() => ID, { nullable: true })
  @Column({ type: 'uuid', nullable: true })
  referredById: string | null;

  @Guarded()
  @Field(() => String, { nullable: true, description: 'Staff id of the customer-service contact: a second line into the company.' })
  @Column({ type: 'text', nullable: true })
  serviceContactId: string | null;

  @Guarded()
  @Field(() => [CustomerContactPerson])
  @Column({ type: 'jsonb', default: () => "'[]'" })
  contacts: CustomerContactPerson[];

  @Guarded()
  @Field(() => [CustomerSite])
  @Column({ type: 'jsonb', default: () => "'[]'" })
  sites: CustomerSite[];

  @Field()
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
