import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';
import { defineEnum } from '@aftercare/subgraph';

export const ContactKinds = ['CALL', 'ONLINE', 'VISIT'] as const;
export type ContactKind = (typeof ContactKinds)[number];
export const ContactKindEnum = defineEnum(ContactKinds, 'MaintenanceContactKind', 'A phone call, an online contact or an on-site visit.');

export const ContactInitiators = ['SALES', 'CUSTOMER'] as const;
export type ContactInitiator = (typeof ContactInitiators)[number];
export const ContactInitiatorEnum = defineEnum(ContactInitiators, 'MaintenanceContactInitiator', 'Who reached out; a customer who does is loyal.');

/** Sales maintenance trace: when, where and what, so a lost customer can be checked against it. */
@ObjectType({ description: 'One sales maintenance contact with a customer.' })
@Entity('maintenance_contact')
@Index('ix_maintenance_contact_customer', ['customerId', 'contactedAt'])
export class MaintenanceContact {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  customerId: string;

  @Field({ description: 'Staff id of the salesperson who logged it.' })
  @Column({ type: 'text' })
  loggedBy: string;

  @Field(() => ContactKindEnum)
  @Column({ type: 'text' })
  kind: ContactKind;

  @Field(() => ContactInitiatorEnum)
  @Column({ type: 'text', default: 'SALES' })
  initiatedBy: ContactInitiator;

  @Field()
  @Column({ type: 'timestamptz' })
  contactedAt: Date;

  @Field(() => String, { nullable: true, description: 'Where: the site visited, or the channel (WeChat, phone number).' })
  @Column({ type: 'text', nullable: true })
  place: string | null;

  @Field()
  @Column({ type: 'text' })
  notes: string;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  recordedAt: Date;
}
