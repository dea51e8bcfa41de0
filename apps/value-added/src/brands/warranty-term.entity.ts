import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { Field, Int, ObjectType } from 'type-graphql';

/**
 * A brand's warranty, per model or for all its models (productModel ''); a model's own term wins. Kept as
 * data because complaints needs it for any serial, whatever the brand.
 */
@ObjectType({ description: 'The warranty a brand gives on its machines from the day they are installed.' })
@Entity('warranty_term')
export class WarrantyTerm {
  @PrimaryColumn({ type: 'text' })
  brandKey: string;

  /** '' = every model of the brand without a term of its own. */
  @PrimaryColumn({ type: 'text' })
  productModelKey: string;

  @Field()
  @Column({ type: 'text' })
  brand: string;

  @Field(() => String, { nullable: true, description: 'Null: every model of the brand that has no term of its own.' })
  get productModel(): string | null {
    return this.productModelKey === '' ? null : this.productModelKey;
  }

  @Field(() => Int)
  @Column({ type: 'int' })
  months: number;

  @Field()
  @Column({ type: 'text' })
  definedBy: string;

  @Field()
  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  definedAt: Date;
}
