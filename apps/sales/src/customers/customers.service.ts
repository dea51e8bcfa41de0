import { DataSource, EntityManager } from 'typeorm';
import type { EventEnvelope } from '@aftercare/event-contracts';
import type { Identity } from '@aftercare/identity';
import { findByIds, findReferencing, givenValues, insertReturning, rejectingDuplicates } from '@aftercare/persistence';
import { SalesErrorCodes } from '@aftercare/error-codes';
import { badInput, Connection, DomainError, ErrorCodes, Injectable, keysetPage, normalisePhone, notFound } from '@aftercare/subgraph';
import { SalespeopleService } from '../salespeople/salespeople.service';
import { ValueIndexService } from '../value-index/value-index.service';
import { CardScopes } from './card-scopes';
import { CardScope, inScope, staffId } from './customer-access';
import { CustomerCardEvents, registeredEvent } from './customer-card-events';
import { Customer } from './customer.entity';
import { ChangeProspectGradeInput, CreateCustomerInput, CustomerProfileInput, CustomerSearchArgs } from './customer.inputs';
import { GradeChange } from './grade-change.entity';

/** The columns each field a resolver computes on a card reads (every other field is a column of its own). */
const CUSTOMER_FIELD_READS = {
  owner: ['ownerId'],
  orders: ['id'],
  gradeHistory: ['id'],
  value: ['id'],
  valueHistory: ['id'],
  churn: ['id'],
  maintenanceContacts: ['id'],
  maintenance: ['id'],
  contracts: ['id'],
};

export interface CustomerDetails {
  name: string;
  phone: string;
  city: string;
  address: string;
}

/** A null for a field every card has (scale, influence, key, ...) is "not given"; for the service contact it clears it. */
function profileOf(manager: EntityManager, input: CustomerProfileInput): Partial<Customer> {
  const trimmed = (value: string | undefined) => value?.trim();
  const profile: Partial<Customer> = {
    name: trimmed(input.name),
    city: trimmed(input.city),
    address: trimmed(input.address),
    region: trimmed(input.region),
    businessType: input.businessType,
    scale: input.scale,
    influence: input.influence,
    key: input.key,
    serviceContactId: input.serviceContactId,
    contacts: input.contacts?.map((contact) => ({ name: contact.name.trim(), phone: normalisePhone(contact.phone), position: contact.position ?? null })),
    sites: input.sites?.map((site) => ({ city: site.city.trim(), address: site.address.trim(), areaM2: site.areaM2 ?? null })),
  };
  return givenValues(manager.connection.getMetadata(Customer), profile);
}

@Injectable()
export class CustomersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cardEvents: CustomerCardEvents,
    private readonly salespeople: SalespeopleService,
    private readonly valueIndex: ValueIndexService,
    private readonly scopes: CardScopes,
  ) {}

  /**
   * The card for this phone number, created on first contact; concurrent first contacts share one card. A new card's
   * CustomerRegistered is handed back for the caller to record with its own events (one outbox insert for all).
   */
  async findOrCreate(manager: EntityManager, details: CustomerDetails): Promise<{ customer: Customer; events: EventEnvelope[] }> {
    const phone = normalisePhone(details.phone);
    const city = details.city.trim();
    const created = await insertReturning(
      manager,
      Customer,
      { name: details.name.trim(), phone, city, region: city, address: details.address.trim() },
      { orIgnore: true },
    );
    if (created) return { customer: created, events: [registeredEvent(created)] };
    return { customer: await manager.getRepository(Customer).findOneByOrFail({ phone }), events: [] };
  }

  async create(identity: Identity, input: CreateCustomerInput): Promise<Customer> {
    const changedBy = staffId(identity);
    const ownerId = await this.ownerOfNewCard(identity, input.ownerId);
    if (ownerId) await this.salespeople.requireActive(ownerId, 'ownerId');
    const referredById = input.referredById ?? null;
    if (referredById && (await this.findByIds([referredById])).length === 0) throw badInput(`${referredById} is not a customer`, 'referredById');
    const phone = normalisePhone(input.phone);
    return rejectingDuplicates(
      () =>
        this.dataSource.transaction(async (manager) => {
          if (ownerId) await this.salespeople.holdActive(manager, [ownerId], 'ownerId');
          const profile = profileOf(manager, input);
          const customer = await manager
            .getRepository(Customer)
            .save(
              manager.getRepository(Customer).create({ ...profile, region: profile.region ?? profile.city, phone, grade: input.grade, ownerId, referredById }),
            );
          await manager.insert(GradeChange, { customerId: customer.id, fromGrade: null, toGrade: input.grade, changedBy, reason: 'Card created' });
          await this.cardEvents.registered(manager, customer);
          await this.valueIndex.recompute(manager, referredById ? [customer.id, referredById] : [customer.id]);
          return customer;
        }),
      { error: () => new DomainError(SalesErrorCodes.CUSTOMER_PHONE_TAKEN, `A customer card with phone ${phone} already exists`, { phone }) },
    );
  }

  /** A salesperson's new card is theirs; SUPERVISOR and ADMIN name the owner (or none). */
  private async ownerOfNewCard(identity: Identity, named: string | null | undefined): Promise<string | null> {
    const scope = await this.scopes.kept(identity);
    if (scope.every) return named ?? null;
    if (!scope.ownerId)
      throw new DomainError(ErrorCodes.FORBIDDEN, `Staff user ${staffId(identity)} is not registered as a salesperson, so no card can be theirs`);
    return scope.ownerId;
  }

  async update(identity: Identity, id: string, input: CustomerProfileInput): Promise<Customer> {
    await this.getVisible(identity, id);
    return this.dataSource.transaction(async (manager) => {
      const profile = profileOf(manager, input);
      // An input of nulls only changes nothing (TypeORM refuses an UPDATE without values).
      if (Object.keys(profile).length > 0) await manager.update(Customer, { id }, profile);
      await this.valueIndex.recompute(manager, [id]);
      const updated = await manager.getRepository(Customer).findOneByOrFail({ id });
      await this.cardEvents.changed(manager, updated);
      return updated;
    });
  }

  async changeGrade(identity: Identity, input: ChangeProspectGradeInput): Promise<Customer> {
    const customer = await this.getVisible(identity, input.customerId);
    if (customer.grade === input.grade) return customer;
    return this.dataSource.transaction(async (manager) => {
      await manager.update(Customer, { id: customer.id }, { grade: input.grade });
      await manager.insert(GradeChange, {
        customerId: customer.id,
        fromGrade: customer.grade,
        toGrade: input.grade,
        changedBy: staffId(identity),
        reason: input.reason.trim(),
      });
      return { ...customer, grade: input.grade };
    });
  }

  /** A card as the caller may see it: a SALES person's view of someone else's card is simply not found. */
  async getVisible(identity: Identity, id: string): Promise<Customer> {
    const [customer] = await this.findByIds([id]);
    if (!customer || !inScope(await this.scopes.kept(identity), customer)) throw notFound('Customer', id);
    return customer;
  }

  /** A card to read (the customer 360): any card for staff who serve customers, only own cards for a salesperson. */
  async getReachable(identity: Identity, id: string): Promise<Customer> {
    const [customer] = await this.findByIds([id]);
    if (!customer || !inScope(await this.scopes.readable(identity), customer)) throw notFound('Customer', id);
    return customer;
  }

  /**
   * The cards of these ids the caller may reach (every path to a card: references, an order's or contract's customer).
   * Given the fields asked of each card, only the columns they read are read (and the owner, which decides reach).
   */
  async findReachable(identity: Identity, ids: readonly string[], fields?: Iterable<string>): Promise<Customer[]> {
    const scope = await this.scopes.readable(identity);
    const cards = await findByIds(this.dataSource.getRepository(Customer), ids, fields && { fields, always: ['ownerId'], readBy: CUSTOMER_FIELD_READS });
    return cards.filter((customer) => inScope(scope, customer));
  }

  readableScope(identity: Identity): Promise<CardScope> {
    return this.scopes.readable(identity);
  }

  keptScope(identity: Identity): Promise<CardScope> {
    return this.scopes.kept(identity);
  }

  async search(identity: Identity, args: CustomerSearchArgs): Promise<Connection<Customer>> {
    const query = this.dataSource.getRepository(Customer).createQueryBuilder('c');
    const scope = await this.scopes.readable(identity);
    // Someone who is no salesperson owns no card.
    if (!scope.every && !scope.ownerId) query.andWhere('FALSE');
    const ownerId = scope.every ? args.ownerId : scope.ownerId;
    if (ownerId) query.andWhere('c.ownerId = :ownerId', { ownerId });
    if (args.grade) query.andWhere('c.grade = :grade', { grade: args.grade });
    if (args.region) query.andWhere('c.region = :region', { region: args.region.trim() });
    if (args.businessType) query.andWhere('c.businessType = :businessType', { businessType: args.businessType });
    if (args.key !== undefined && args.key !== null) query.andWhere('c.key = :key', { key: args.key });
    if (args.text?.trim()) {
      const text = args.text.trim();
      // Digits search the phone only when the text is nothing but a (partial) phone number.
      const digits = /^[\d\s+\-().]+$/.test(text) ? normalisePhone(text) : '';
      query.andWhere(digits ? '(c.name ILIKE :pattern OR c.phone LIKE :digits)' : 'c.name ILIKE :pattern', {
        pattern: `%${text.replace(/[%_\\]/g, '\\$&')}%`,
        digits: `%${digits}%`,
      });
    }
    return keysetPage(query, 'c', args, 'DESC');
  }

  findByIds(ids: readonly string[]): Promise<Customer[]> {
    return findByIds(this.dataSource.getRepository(Customer), ids);
  }

  gradeHistories(customerIds: readonly string[]): Promise<GradeChange[]> {
    return findReferencing(this.dataSource.getRepository(GradeChange), 'customerId', customerIds, { changedAt: 'ASC' });
  }
}
