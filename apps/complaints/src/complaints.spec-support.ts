import { randomUUID } from 'node:crypto';
import { CustomerRegistered, EventEnvelope, OrderPlaced, Topics, WorkOrderAssigned, WorkOrderCreated } from '@aftercare/event-contracts';
import type { Identity } from '@aftercare/identity';
import { countRows, EventStream, eventually, ServiceUnderTest, staff, startServiceUnderTest } from '@aftercare/testing';
import { complaintsService } from './complaints.definition';

export const agent = staff('COMPLAINTS_AGENT');
export const supervisor = staff('SUPERVISOR');

/** A customer with a partner order and its assigned install, as sales and dispatch announce them. */
export interface Job {
  customerId: string;
  orderId: string;
  workOrderId: string;
  engineerId: string;
  brand: string;
  productModel: string;
}

export function jobEvents(job: Partial<Job> = {}): { job: Job; sales: EventEnvelope[]; dispatch: EventEnvelope[] } {
  const full: Job = {
    customerId: randomUUID(),
    orderId: randomUUID(),
    workOrderId: randomUUID(),
    engineerId: randomUUID(),
    brand: 'PHILIPS',
    productModel: 'AquaPure X5',
    ...job,
  };
  const card = { customerId: full.customerId, name: 'Wang Fang', city: 'Hangzhou', region: 'East', address: '88 Wensan Road', ownerId: null, key: false };
  const facts = {
    workOrderId: full.workOrderId,
    type: 'INSTALL' as const,
    orderId: full.orderId,
    contractId: null,
    customerId: full.customerId,
    city: 'Hangzhou',
    brand: full.brand,
    productModel: full.productModel,
  };
  return {
    job: full,
    sales: [
      CustomerRegistered.create(full.customerId, card),
      OrderPlaced.create(full.orderId, {
        orderId: full.orderId,
        channel: 'PARTNER',
        partnerId: randomUUID(),
        partnerCode: full.brand,
        externalRef: `EXT-${full.orderId.slice(0, 8)}`,
        productModel: full.productModel,
        customer: { customerId: full.customerId, name: card.name, phone: '13800138000', city: card.city, address: card.address },
        preferredDate: null,
      }),
    ],
    dispatch: [
      WorkOrderCreated.create(full.workOrderId, {
        workOrderId: full.workOrderId,
        type: 'INSTALL',
        orderId: full.orderId,
        customerId: full.customerId,
        city: 'Hangzhou',
        productModel: full.productModel,
        preferredDate: null,
      }),
      WorkOrderAssigned.create(full.workOrderId, { ...facts, engineerId: full.engineerId, appointmentDate: '2026-03-01', manual: false }),
    ],
  };
}

/** The complaints service with sales' and dispatch's events played to it over the real broker. */
export class ComplaintsWorld {
  private constructor(
    public complaints: ServiceUnderTest,
    readonly events: EventStream,
  ) {}

  /** Stops the service (its database stays) and starts it again: nothing in memory survives. */
  async restart(): Promise<void> {
    await this.complaints.service.stop();
    this.complaints = await startServiceUnderTest(complaintsService, this.complaints.env);
  }

  static async start(env?: NodeJS.ProcessEnv): Promise<ComplaintsWorld> {
    const complaints = await startServiceUnderTest(complaintsService, env);
    await complaints.service.consumer.ready();
    return new ComplaintsWorld(complaints, new EventStream(complaints.env));
  }

  get dataSource() {
    return this.complaints.service.dataSource;
  }

  /** Publishes the jobs' events and waits until complaints knows every one of them. */
  async known(...jobs: Partial<Job>[]): Promise<Job[]> {
    const played = jobs.map((job) => jobEvents(job));
    await this.events.publish(Topics.sales, ...played.flatMap((item) => item.sales));
    await this.events.publish(Topics['service-dispatch'], ...played.flatMap((item) => item.dispatch));
    const ids = played.map((item) => item.job.workOrderId);
    await eventually(async () => {
      expect(await countRows(this.dataSource, 'work_order_fact', 'id = ANY($1) AND engineer_id IS NOT NULL', [ids])).toBe(ids.length);
      expect(await countRows(this.dataSource, 'order_fact', 'id = ANY($1)', [played.map((item) => item.job.orderId)])).toBe(ids.length);
    }, 30000);
    return played.map((item) => item.job);
  }

  async ok<T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}, identity: Identity = agent): Promise<T> {
    const response = await this.complaints.graphql<T>(query, variables, identity);
    if (response.errors) throw new Error(JSON.stringify(response.errors));
    return response.data!;
  }

  async stop(): Promise<void> {
    await this.events.close();
    await this.complaints.stop();
  }
}

export const FILE = `mutation ($input: FileComplaintInput!) {
  fileComplaint(input: $input) {
    id category channel status customerId orderId workOrderId brand productModel engineerId summary proposedSolution
    involvesLiability opinionDueAt receivedAt intakeCount
  }
}`;

export function complaintInput(job: Job, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    category: 'ENGINEER_CONDUCT',
    channel: 'HOTLINE',
    customerId: job.customerId,
    workOrderId: job.workOrderId,
    summary: 'The filter housing leaks since the installation; the kitchen floor is wet.',
    proposedSolution: 'An engineer comes tomorrow morning to stop the leak; damage to be assessed.',
    involvesLiability: true,
    ...overrides,
  };
}
