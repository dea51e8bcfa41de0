import { Column, Entity, PrimaryColumn } from 'typeorm';

/** What dispatch keeps of a signed service contract (sales owns it): enough to plan its visits month by month. */
@Entity('service_contract')
export class ServiceContract {
  @PrimaryColumn({ type: 'uuid' })
  contractId: string;

  @Column({ type: 'uuid' })
  customerId: string;

  @Column({ type: 'text' })
  city: string;

  @Column({ type: 'text' })
  siteAddress: string;

  @Column({ type: 'int' })
  visitsPerMonth: number;

  @Column({ type: 'date' })
  startsOn: string;
}
