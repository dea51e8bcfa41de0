import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** The customer's quality factor as last announced, so CustomerQualityChanged goes out only on a change. */
@Entity('customer_quality')
export class CustomerQuality {
  @PrimaryColumn({ type: 'uuid' })
  customerId: string;

  @Column({ type: 'int' })
  qualityFactor: number;

  @Column({ type: 'boolean' })
  doubtful: boolean;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
