import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ObjectType } from 'type-graphql';
import { CalendarDateScalar } from '@aftercare/subgraph';

@ObjectType('EngineerSkillCertification', { description: 'A brand and product model the engineer is certified to install and service.' })
@Entity('engineer_skill')
// Certifying the same model twice would count one engineer twice in coverage.
@Index('uq_engineer_skill', ['engineerId', 'brand', 'productModel'], { unique: true })
export class EngineerSkill {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  engineerId: string;

  @Field()
  @Column({ type: 'text' })
  brand: string;

  @Field()
  @Column({ type: 'text' })
  productModel: string;

  @Field(() => CalendarDateScalar)
  @Column({ type: 'date' })
  certifiedOn: string;
}
