import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger } from '@aftercare/logging';
import { composeSupergraph, SUBGRAPHS } from '@aftercare/supergraph';
import { mintStaffToken } from '@aftercare/identity';
import { eventually, isolatedEnv, postGraphql, TEST_AUTH_JWT_SECRET, WORKSPACE_ROOT } from '@aftercare/testing';
import { gatewayConfigFrom } from '../gateway-config';
import { RunningGateway, startGateway } from '../gateway-server';

const HAS_TYPE = `query ($name: String!) { __type(name: $name) { name } }`;

describe('the gateway reloads its supergraph file without a restart', () => {
  let directory: string;
  let gateway: RunningGateway;

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'supergraph-'));
    const salesOnly = composeSupergraph(
      WORKSPACE_ROOT,
      SUBGRAPHS.filter((subgraph) => subgraph.name === 'sales'),
    );
    writeFileSync(join(directory, 'supergraph.graphql'), salesOnly);
    const config = { ...gatewayConfigFrom({ ...isolatedEnv('hot-reload'), SUPERGRAPH_PATH: join(directory, 'supergraph.graphql') }), port: 0 };
    gateway = await startGateway(config, createLogger('gateway'));
  });

  afterAll(async () => {
    await gateway?.stop();
    rmSync(directory, { recursive: true, force: true });
  });

  it('serves new types once the composed file changes, and keeps serving when a bad file arrives', async () => {
    // Introspection is for staff (in development) only.
    const staff = { authorization: `Bearer ${mintStaffToken({ sub: 'dev', name: 'Dev', roles: ['ADMIN'] }, TEST_AUTH_JWT_SECRET)}` };
    const workOrderType = async () =>
      (await postGraphql<{ __type: { name: string } | null }>(gateway.url, HAS_TYPE, { name: 'WorkOrder' }, staff)).data?.__type;
    expect(await workOrderType()).toBeNull();

    writeFileSync(join(directory, 'supergraph.graphql'), composeSupergraph(WORKSPACE_ROOT));
    await eventually(async () => expect(await workOrderType()).toEqual({ name: 'WorkOrder' }), 10000);

    writeFileSync(join(directory, 'supergraph.graphql'), 'this is not a supergraph');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await workOrderType()).toEqual({ name: 'WorkOrder' });
  });
});
