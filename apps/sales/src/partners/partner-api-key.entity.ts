import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';

/**
 * One API key of a partner. Only its SHA-256 is stored (the key is shown once). A partner has several
 * during a rotation: the new one, and the old ones until their chosen expiry; a revoked key stops at once
 * (the gateway caches a lookup for at most 5 s).
 */
@ObjectType({ description: "One of a partner's API keys (never the key itself)." })
@Entity('partner_api_key')
@Index('partner_api_key_partner', ['partnerId'])
export class PartnerApiKey {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  partnerId: string;

  @Column({ type: 'text', unique: true })
  keyHash: string;

  @Field({ description: 'The first characters of the key, to tell keys apart (ak_philips_Xy…).' })
  @Column({ type: 'text' })
  prefix: string;

  @Field()
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @Field(() => Date, { nullable: true, description: 'When a rotation retires it; null while it is the current key.' })
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  expiresAt: Date | null;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  revokedAt: Date | null;

  @Field({ description: 'Accepted right now: neither revoked nor past its expiry.' })
  get active(): boolean {
    return this.revokedAt === null && (this.expiresAt === null || this.expiresAt > new Date());
  }
}
