import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { defineEnum } from '@aftercare/subgraph';

export const SalespersonStatuses = ['ACTIVE', 'DEPARTED'] as const;
export type SalespersonStatus = (typeof SalespersonStatuses)[number];
export const SalespersonStatusEnum = defineEnum(SalespersonStatuses, 'SalespersonStatus');

/** A SALES staff user (`staffUserId`, their token's `sub`) is this salesperson; the cards they own name this id. */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'A salesperson who owns customer cards.' })
@Entity('salesperson')
@Index('uq_salesperson_staff_user', ['staffUserId'], { unique: true })
export class Salesperson {
  @Field(() => ID)
  @PrimaryColumn('uuid')
  id: string;

  /** Any string the identity provider issues ("li.na", "demo-sales", a uuid): never assumed to be this row's id. */
  @Field({ description: 'The staff user (token `sub`) who works as this salesperson; the salesperson id when none was given.' })
  @Column({ type: 'text' })
  staffUserId: string;

  @Field()
  @Column({ type: 'text' })
  name: string;

  @Field({ description: 'The team a departing colleague’s customers can be spread over.' })
  @Column({ type: 'text' })
  team: string;

  @Field(() => SalespersonStatusEnum)
  @Column({ type: 'text', default: 'ACTIVE' })
  status: SalespersonStatus;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  departedAt: Date | null;

  @Field()
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
