import type { GraphQLResolverMap } from '@apollo/subgraph';
import type { NonEmptyArray } from 'type-graphql';
import type { EventDefinition, ServiceName } from '@aftercare/event-contracts';
import type { EventHandler } from '@aftercare/messaging';
import type { AccessTable, ServiceContainer } from '@aftercare/subgraph';
import type { BackgroundWork } from './background-work';

/**
 * Everything that makes one service different from another. The runtime turns it into a running
 * subgraph with its database, migrations, outbox relay and event consumer, the same way for all five.
 */
export interface ServiceDefinition {
  name: ServiceName;
  defaultPort: number;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: Function[];
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: Function[];
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  resolvers: NonEmptyArray<Function>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  orphanedTypes?: Function[];
  /** Who may run each operation and read each guarded field (apps/<service>/src/access-table.ts). */
  access: AccessTable;
  /** `__resolveReference` for the entities this service owns. */
  referenceResolvers?: (container: ServiceContainer) => GraphQLResolverMap<unknown>;
  /**
   * The events this service writes to its outbox: its half of the platform's event map (the consumed half
   * is `eventHandlers`). A platform test checks every consumed event against these.
   */
  publishes?: EventDefinition<string, unknown>[];
  /** Work the running service repeats (sweeps, daily runs); started by `runServiceMain`, not by tests, which run it by hand. */
  background?: (container: ServiceContainer) => BackgroundWork[];
  /** Events from other services (or itself) this service reacts to. */
  eventHandlers?: (container: ServiceContainer) => EventHandler[];
}
