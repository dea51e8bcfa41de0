import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, In } from 'typeorm';
import { SalespersonDeparted } from '@aftercare/event-contracts';
import type { StaffIdentity } from '@aftercare/identity';
import { Outbox } from '@aftercare/messaging';
import { findByIds, onlyUuids, rejectingDuplicates } from '@aftercare/persistence';
import { SalesErrorCodes } from '@aftercare/error-codes';
import { badInput, DomainError, ErrorCodes, Injectable } from '@aftercare/subgraph';
import { Salesperson } from './salesperson.entity';
import { DepartSalespersonInput, Handover, RegisterSalespersonInput } from './salesperson.inputs';

@Injectable()
export class SalespeopleService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
  ) {}

  /**
   * Which salesperson a verified identity is. Only a found one is kept: a staff user's salesperson never changes
   * (no mutation moves `staffUserId`, no salesperson row is deleted), while someone who is none yet may be
   * registered any moment — and a verified identity object outlives its request (libs/identity caches them).
   */
  private readonly mapped = new WeakMap<StaffIdentity, string>();

  register(input: RegisterSalespersonInput): Promise<Salesperson> {
    const id = randomUUID();
    const staffUserId = input.staffUserId?.trim() || id;
    const repository = this.dataSource.getRepository(Salesperson);
    return rejectingDuplicates(() => repository.save(repository.create({ id, staffUserId, name: input.name.trim(), team: input.team.trim() })), {
      constraint: 'uq_salesperson_staff_user',
      error: () => new DomainError(SalesErrorCodes.STAFF_USER_TAKEN, `Staff user ${staffUserId} already is a salesperson`, { staffUserId }),
    });
  }

  /**
   * The salesperson a staff user works as, or null when they are none: looked up by the `sub` their token
   * carries, compared as text, so any string the identity provider issues works.
   */
  async salespersonIdOf(identity: StaffIdentity): Promise<string | null> {
    const known = this.mapped.get(identity);
    if (known) return known;
    const salesperson = await this.dataSource.getRepository(Salesperson).findOne({ select: { id: true }, where: { staffUserId: identity.userId } });
    if (salesperson) this.mapped.set(identity, salesperson.id);
    return salesperson?.id ?? null;
  }

  async requireActive(id: string, field: string): Promise<Salesperson> {
    const [salesperson] = await this.findByIds([id]);
    if (!salesperson || salesperson.status !== 'ACTIVE') throw badInput(`${id} is not an active salesperson`, field);
    return salesperson;
  }

  /**
   * Inside the caller's transaction: these people are active and stay so until it commits. A departure
   * marking one of them waits for it (and then hands over what it wrote); one that committed first is seen.
   */
  async holdActive(manager: EntityManager, ids: string[], field: string): Promise<void> {
    const held = await manager.getRepository(Salesperson).find({ where: { id: In(onlyUuids(ids)), status: 'ACTIVE' }, lock: { mode: 'pessimistic_read' } });
    if (held.length !== new Set(ids).size) throw badInput('Every salesperson named must be active', field);
  }

  /**
   * Hands every card the person owns to the successors in one set-based statement (dealt out in turn,
   * oldest card first), records each hand-over and the departure, and announces it — all or nothing,
   * so no customer is ever left with a departed owner.
   */
  async depart(input: DepartSalespersonInput): Promise<Handover> {
    const leaving = await this.requireActive(input.salespersonId, 'salespersonId');
    const successors = await this.successorsFor(leaving, input.successorIds);
    return this.dataSource.transaction(async (manager) => {
      const marked = await manager.update(Salesperson, { id: leaving.id, status: 'ACTIVE' }, { status: 'DEPARTED', departedAt: () => 'now()' });
      if (marked.affected !== 1) throw new DomainError(ErrorCodes.CONFLICT, `Salesperson ${leaving.id} has already departed`);
      await this.holdActive(
        manager,
        successors.map((successor) => successor.id),
        'successorIds',
      );
      const reassignments: { customerId: string; newOwnerId: string }[] = await manager.query(
        `WITH owned AS (
           SELECT id, created_at FROM customer WHERE owner_id = $1 FOR UPDATE
         ), dealt AS (
           SELECT id, (row_number() OVER (ORDER BY created_at, id) - 1) % cardinality($2::uuid[]) + 1 AS turn FROM owned
         ), moved AS (
           UPDATE customer c SET owner_id = ($2::uuid[])[dealt.turn] FROM dealt WHERE c.id = dealt.id
           RETURNING c.id AS "customerId", c.owner_id AS "newOwnerId"
         ), recorded AS (
           INSERT INTO customer_owner_change (customer_id, from_owner_id, to_owner_id, reason)
           SELECT "customerId", $1, "newOwnerId", 'Salesperson departed' FROM moved
         )
         SELECT "customerId", "newOwnerId" FROM moved`,
        [leaving.id, successors.map((successor) => successor.id)],
      );
      await this.outbox.record(manager, SalespersonDeparted.create(leaving.id, { salespersonId: leaving.id, reassignments }));
      const departed = await manager.getRepository(Salesperson).findOneByOrFail({ id: leaving.id });
      return { salesperson: departed, customersReassigned: reassignments.length, successors };
    });
  }

  findByIds(ids: readonly string[]): Promise<Salesperson[]> {
    return findByIds(this.dataSource.getRepository(Salesperson), ids);
  }

  private async successorsFor(leaving: Salesperson, successorIds: string[] | undefined): Promise<Salesperson[]> {
    const repository = this.dataSource.getRepository(Salesperson);
    const successors = successorIds?.length
      ? await repository.find({ where: { id: In(onlyUuids(successorIds)), status: 'ACTIVE' }, order: { createdAt: 'ASC', id: 'ASC' } })
      : await repository.find({ where: { team: leaving.team, status: 'ACTIVE' }, order: { createdAt: 'ASC', id: 'ASC' } });
    const eligible = successors.filter((successor) => successor.id !== leaving.id);
    const named = new Set(successorIds ?? []);
    if (successorIds?.length && (eligible.length !== named.size || named.has(leaving.id))) {
      throw badInput('Every successor must be another active salesperson', 'successorIds');
    }
    if (eligible.length === 0) {
      throw new DomainError(SalesErrorCodes.NO_SUCCESSOR, `Nobody active is left in team ${leaving.team} to take over the customers`, { team: leaving.team });
    }
    return eligible;
  }
}
