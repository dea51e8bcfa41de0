import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A contract from sales' ContractSigned (or ContractDisputed): that it exists and whose it is — what a dispute may be about. */
@Entity('contract_fact')
export class ContractFact {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  customerId: string;
}
