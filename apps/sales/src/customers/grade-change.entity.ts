import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';
import { ProspectGrade, ProspectGradeEnum } from './customer-profile';

/** Every change of a card's prospect grade: who changed it, when and why. */
@ObjectType({ description: "A change of a customer's prospect grade." })
@Entity('customer_grade_change')
@Index('ix_customer_grade_change_customer', ['customerId', 'changedAt'])
export class GradeChange {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  customerId: string;

  @Field(() => ProspectGradeEnum, { nullable: true, description: 'Null for the grade the card was created with.' })
  @Column({ type: 'text', nullable: true })
  fromGrade: ProspectGrade | null;

  @Field(() => ProspectGradeEnum)
  @Column({ type: 'text' })
  toGrade: ProspectGrade;

  @Field({ description: 'Staff id of who changed it.' })
  @Column({ type: 'text' })
  changedBy: string;

  @Field()
  @Column({ type: 'text' })
  reason: string;

  @Field()
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  changedAt: Date;
}
