import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The customer card: one per person or business, however many channels its orders come through. */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'A customer card (archive) kept by sales.' })
@Entity('customer')
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

  @Field()
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
