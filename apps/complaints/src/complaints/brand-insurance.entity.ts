import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Field, ObjectType } from 'type-graphql';

/** Some brands insure their products, some do not: product liability goes back to the brand either way. Kept by an ADMIN (setBrandInsurance). */
@ObjectType({ description: 'Whether a brand insures its products; product liability shows it as brandInsured.' })
@Entity('brand_insurance')
export class BrandInsurance {
  @Field()
  @PrimaryColumn({ type: 'text' })
  brand: string;

  @Field()
  @Column({ type: 'boolean' })
  insured: boolean;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  insurer: string | null;
}
