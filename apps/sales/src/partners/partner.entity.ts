import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** A brand (Philips-, Xiaomi-like) that has the company install for it and submits orders through the graph. */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'A partner brand that submits installation orders.' })
@Entity('partner')
export class Partner {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field({ description: 'Short unique code, upper case, e.g. PHILIPS.' })
  @Column({ type: 'text', unique: true })
  code: string;

  @Field()
  @Column({ type: 'text' })
  name: string;

  @Field()
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
