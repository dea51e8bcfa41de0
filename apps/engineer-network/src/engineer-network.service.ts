import { batchedReference } from '@aftercare/subgraph';
import type { ServiceDefinition } from '@aftercare/service-runtime';
import { Engineer } from './engineers/engineer.entity';
import { EngineerResolver } from './engineers/engineer.resolver';
import { EngineersService } from './engineers/engineers.service';
import { engineerNetworkMigrations } from './migrations';

export const engineerNetworkService: ServiceDefinition = {
  name: 'engineer-network',
  defaultPort: 4004,
  entities: [Engineer],
  migrations: engineerNetworkMigrations,
  resolvers: [EngineerResolver],
  referenceResolvers: (container) => ({
    Engineer: batchedReference(Engineer, (ids) => container.get(EngineersService).findByIds(ids)),
  }),
};
