import { Topics } from '@aftercare/event-contracts';
import { EventStream, ServiceUnderTest, startServiceUnderTest } from '@aftercare/testing';
import { engineerNetworkService } from './engineer-network.definition';

/**
 * engineer-network on real PostgreSQL and Kafka with a stream of the other services' topics: its consumer ready
 * and everything it publishes recorded from the start, so a spec reads what it announced.
 */
export class EngineerNetworkWorld {
  private constructor(
    readonly network: ServiceUnderTest,
    readonly events: EventStream,
    readonly published: { value: string }[],
  ) {}

  static async start(): Promise<EngineerNetworkWorld> {
    const network = await startServiceUnderTest(engineerNetworkService);
    const events = new EventStream(network.env);
    await network.service.consumer.ready();
    return new EngineerNetworkWorld(network, events, await events.record(Topics['engineer-network']));
  }

  async stop(): Promise<void> {
    await this.events.close();
    await this.network.stop();
  }
}
