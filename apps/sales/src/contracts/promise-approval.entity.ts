import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { QualityStandard, QualityStandardEnum } from '../reference-data/reference-data.entities';

/** A supervisor's recorded yes to promising one customer more than the standard template. */
@ObjectType({ description: "A supervisor's approval to promise a customer more than the standard template." })
@Entity('promise_approval')
export class PromiseApproval {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  customerId: string;

  @Field(() => Int)
  @Column({ type: 'smallint' })
  visitsPerMonth: number;

  @Field(() => QualityStandardEnum)
  @Column({ type: 'text' })
  qualityStandard: QualityStandard;

  @Field()
  @Column({ type: 'text' })
  note: string;

  @Field()
  @Column({ type: 'text' })
  approvedBy: string;

  @Field()
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  approvedAt: Date;
}
