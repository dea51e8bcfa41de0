import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'What the settlement lines not yet paid add up to, by where they stand (CNY fen).' })
export class SettlementBacklog {
  @Field(() => Number, { description: 'Net of DUE lines (fees less clawbacks): what the next payout batches owe, fen.' })
  dueCents: number;

  @Field(() => Int)
  dueLines: number;

  @Field(() => Number, { description: 'Lines held by an open complaint or dispute, fen.' })
  heldCents: number;

  @Field(() => Int)
  heldLines: number;

  @Field(() => Int, { description: 'Verified jobs no tariff fits yet: they cannot be paid until one is defined.' })
  unpricedLines: number;

  @Field(() => Int, { description: 'Engineers whose DUE lines net to more than zero, i.e. who would get a payout.' })
  engineers: number;

  @Field(() => Date, { nullable: true, description: 'When the oldest DUE line was earned; null when nothing is due.' })
  oldestDueSince: Date | null;
}
