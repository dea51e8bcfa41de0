import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A complaint still open for a customer: the care team is on it, so nobody calls them to sell that day. */
@Entity('open_complaint')
@Index('ix_open_complaint_customer', ['customerId'])
export class OpenComplaint {
  @PrimaryColumn({ type: 'uuid' })
  complaintId: string;

  @Column({ type: 'uuid' })
  customerId: string;

  @Column({ type: 'timestamptz', precision: 3 })
  filedAt: Date;
}
