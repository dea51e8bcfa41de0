import { DataSource } from 'typeorm';
import type { Identity } from '@aftercare/identity';
import { Connection, Injectable, keysetPage } from '@aftercare/subgraph';
import { CardScopes } from '../customers/card-scopes';
import { Customer } from '../customers/customer.entity';
import { Contract } from './contract.entity';
import { ContractSearchArgs } from './contract-list.inputs';

@Injectable()
export class ContractListService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scopes: CardScopes,
  ) {}

  /**
   * Oldest first, so the review queue is worked in the order contracts arrived. A salesperson sees only
   * the contracts of their own cards, like `contract(id)`.
   */
  async search(identity: Identity, args: ContractSearchArgs): Promise<Connection<Contract>> {
    const query = this.dataSource.getRepository(Contract).createQueryBuilder('contract');
    const scope = await this.scopes.kept(identity);
    if (!scope.every) {
      // Someone who is no salesperson owns no card, and so no contract.
      if (scope.ownerId) query.innerJoin(Customer, 'card', 'card.id = contract.customerId AND card.ownerId = :ownerId', { ownerId: scope.ownerId });
      else query.andWhere('FALSE');
    }
    if (args.status) query.andWhere('contract.status = :status', { status: args.status });
    if (args.awaitingReview === true) query.andWhere(`contract.status = 'PENDING_REVIEW'`);
    if (args.awaitingReview === false) query.andWhere(`contract.status <> 'PENDING_REVIEW'`);
    if (args.customerId) query.andWhere('contract.customerId = :customerId', { customerId: args.customerId });
    if (typeof args.specialCustomer === 'boolean') query.andWhere('contract.specialCustomer = :special', { special: args.specialCustomer });
    if (typeof args.disputed === 'boolean') query.andWhere('contract.disputed = :disputed', { disputed: args.disputed });
    return keysetPage(query, 'contract', args, 'ASC');
  }
}
