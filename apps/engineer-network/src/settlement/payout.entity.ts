import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { bigintAsNumber } from '@aftercare/persistence';
import { CalendarDateScalar } from '@aftercare/subgraph';

@ObjectType({ description: 'One payout run: everything due up to periodEnd, for every engineer owed something.' })
@Entity('payout_batch')
// One batch per period: running it twice must not pay twice.
@Index('uq_payout_batch_period', ['periodEnd'], { unique: true })
export class PayoutBatch {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => CalendarDateScalar, { description: 'Lines earned up to the end of this day (China time) are included.' })
  @Column({ type: 'date' })
  periodEnd: string;

  @Field(() => Number, { description: 'CNY fen: the sum of the payouts, which is the sum of their lines.' })
  @Column({ type: 'bigint', transformer: bigintAsNumber })
  totalCents: number;

  @Field(() => Int)
  @Column({ type: 'int' })
  lineCount: number;

  @Field()
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  paidAt: Date;
}

@ObjectType({ description: 'What one engineer is paid in one batch.' })
@Entity('payout')
@Index('uq_payout_engineer', ['batchId', 'engineerId'], { unique: true })
@Index('ix_payout_engineer', ['engineerId'])
export class Payout {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  batchId: string;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  engineerId: string;

  @Field(() => Int, { description: 'CNY fen, the net of the lines paid (fees minus clawbacks).' })
  @Column({ type: 'int' })
  amountCents: number;

  @Field(() => Int)
  @Column({ type: 'int' })
  lineCount: number;
}
