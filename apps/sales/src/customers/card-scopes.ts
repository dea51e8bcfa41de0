import type { Identity } from '@aftercare/identity';
import { Injectable } from '@aftercare/subgraph';
import { SalespeopleService } from '../salespeople/salespeople.service';
import { CardScope, EVERY_CARD, keepsEveryCard, NO_CARD, readsEveryCard } from './customer-access';

/**
 * The caller's cards, for each kind of use. A salesperson's cards are found through their Salesperson row
 * (by the staff user it is registered for), so a `sub` such as "li.na" works as well as a uuid.
 */
@Injectable()
export class CardScopes {
  constructor(private readonly salespeople: SalespeopleService) {}

  /** Cards the caller may edit and sell on: SUPERVISOR and ADMIN every card, a salesperson their own. */
  async kept(identity: Identity): Promise<CardScope> {
    if (keepsEveryCard(identity)) return EVERY_CARD;
    return this.own(identity);
  }

  /**
   * Cards the caller may read (`customer(id)`, `customers`, every path to a card): the staff who serve
   * customers every card, a salesperson their own, a partner none (it sees what it sent, see partnerView).
   */
  async readable(identity: Identity): Promise<CardScope> {
    if (readsEveryCard(identity)) return EVERY_CARD;
    return this.own(identity);
  }

  private async own(identity: Identity): Promise<CardScope> {
    if (identity.kind !== 'staff') return NO_CARD;
    return { every: false, ownerId: await this.salespeople.salespersonIdOf(identity) };
  }
}
