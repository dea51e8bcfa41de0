import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { freePort } from '@aftercare/testing';
import { checkSubgraphs } from './subgraph-readiness';

/** A replica's readiness endpoint on loopback, answering 200 or 503. */
async function replica(ready: boolean): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    res.statusCode = req.url === '/health/ready' && ready ? 200 : 503;
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

describe('gateway readiness over subgraph replicas', () => {
  it('is ready for a subgraph while at least one replica is, and names the positions of those that are not', async () => {
    const up = await replica(true);
    const notReady = await replica(false);
    const stopped = `http://127.0.0.1:${await freePort()}/graphql`;
    try {
      const results = await checkSubgraphs([
        { name: 'sales', url: `${stopped},${up.url},${notReady.url}` },
        { name: 'complaints', url: `${stopped},${notReady.url}` },
        { name: 'value-added', url: up.url },
      ]);
      expect(results).toEqual([
        { name: 'sales', ready: true, replicas: 3, replicasDown: [1, 3] },
        { name: 'complaints', ready: false, replicas: 2, replicasDown: [1, 2] },
        { name: 'value-added', ready: true, replicas: 1, replicasDown: [] },
      ]);
      // Positions, never addresses: the endpoint answers whoever probes the gateway.
      expect(JSON.stringify(results)).not.toMatch(/127\.0\.0\.1/);
    } finally {
      await up.close();
      await notReady.close();
    }
  });
});
