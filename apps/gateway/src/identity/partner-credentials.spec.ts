import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { generateGatewayKeyPair } from '@aftercare/identity';
import { SubgraphTransports } from '../subgraph-transport/subgraph-http-client';
import { subgraphTransportConfigFrom } from '../subgraph-transport/transport-config';
import { PartnerCredentials } from './partner-credentials';

/** Sales' partnerCredential lookup: one known key; counts the lookups it answers. */
async function salesStandIn() {
  let lookups = 0;
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      lookups += 1;
      const { apiKey } = (JSON.parse(body) as { variables: { apiKey: string } }).variables;
      const partnerCredential = apiKey === 'ak_known' ? { partnerId: 'p-1', partnerCode: 'HAIER' } : null;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ data: { partnerCredential } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    lookups: () => lookups,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

describe('partner key answers are remembered for 5 s (lru-cache)', () => {
  let sales: Awaited<ReturnType<typeof salesStandIn>>;
  const transports = new SubgraphTransports(subgraphTransportConfigFrom({}));
  beforeAll(async () => (sales = await salesStandIn()));
  afterAll(() => sales.close());

  it('asks sales once per key within 5 s — known or unknown — and again after', async () => {
    let now = 1_000_000;
    const credentials = new PartnerCredentials(
      () => sales.url,
      generateGatewayKeyPair().privateKey,
      transports,
      () => now,
    );
    const partner = { kind: 'partner', partnerId: 'p-1', partnerCode: 'HAIER' };
    await expect(credentials.identify('ak_known')).resolves.toEqual(partner);
    await expect(credentials.identify('ak_unknown')).resolves.toBeNull();
    now += 4_999;
    await expect(credentials.identify('ak_known')).resolves.toEqual(partner);
    await expect(credentials.identify('ak_unknown')).resolves.toBeNull();
    expect(sales.lookups()).toBe(2);
    now += 2;
    await expect(credentials.identify('ak_known')).resolves.toEqual(partner);
    await expect(credentials.identify('ak_unknown')).resolves.toBeNull();
    expect(sales.lookups()).toBe(4);
  });
});
