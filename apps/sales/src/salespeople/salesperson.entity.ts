import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { defineEnum } from '@aftercare/subgraph';

export const SalespersonStatuses = ['ACTIVE', 'DEPARTED'] as const;
export type SalespersonStatus = (typeof SalespersonStatuses)[number];
export const SalespersonStatusEnum = defineEnum(SalespersonStatuses, 'SalespersonStatus');

/** A SALES staff token's `sub` is this id. */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'A salesperson who owns customer cards.' })
@Entity('salesperson')
export class Salesperson {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

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
