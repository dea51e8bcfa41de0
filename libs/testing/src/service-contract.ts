import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { schemaDrift } from '@aftercare/persistence';
import { printServiceSchema, ServiceDefinition } from '@aftercare/service-runtime';
import { WORKSPACE_ROOT } from './processes';
import { startServiceUnderTest } from './service-under-test';

/**
 * The two promises every service makes to the rest of the platform, checked the same way for all:
 * the SDL it checks in (what the supergraph is composed from) is what its code prints, and its
 * migrations build exactly the tables its entities describe.
 */
export function describeServiceContract(definition: ServiceDefinition): void {
  describe(`${definition.name} service contract`, () => {
    it('checks in the subgraph SDL its code prints (run `npx nx print-schema <app>` after changing the schema)', async () => {
      const checkedIn = readFileSync(join(WORKSPACE_ROOT, 'apps', definition.name, 'schema.graphql'), 'utf8');
      expect(await printServiceSchema(definition)).toEqual(checkedIn);
    });

    it('has migrations that build exactly its entities (run `npx nx migration-generate <app> --name=…`)', async () => {
      const service = await startServiceUnderTest(definition);
      try {
        expect(await schemaDrift(service.service.dataSource)).toEqual({ up: [], down: [] });
      } finally {
        await service.stop();
      }
    });
  });
}
