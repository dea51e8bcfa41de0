import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeServices } from '@apollo/composition';
import { graphql, GraphQLSchema, parse } from 'graphql';
import { generateGatewayKeyPair } from '@aftercare/identity';
import { createLogger } from '@aftercare/logging';
import { RunningGateway, startGateway } from './gateway-server';

/** A real gateway on a supergraph composed from the given subgraphs (small test subgraphs with their SDL and URL). */
export async function startGatewayOver(label: string, authJwtSecret: string, services: { name: string; sdl: string; url: string }[]): Promise<RunningGateway> {
  const composed = composeServices(services.map(({ name, sdl, url }) => ({ name, typeDefs: parse(sdl), url })));
  if (composed.errors) throw new Error(composed.errors.map((error) => error.message).join('\n'));
  const supergraphPath = join(mkdtempSync(join(tmpdir(), `${label}-`)), 'supergraph.graphql');
  writeFileSync(supergraphPath, composed.supergraphSdl);
  return startGateway(
    {
      host: '127.0.0.1',
      port: 0,
      authJwtSecret,
      gatewaySigningKey: generateGatewayKeyPair().privateKey,
      supergraphPath,
      subgraphUrlOverrides: {},
      corsOrigins: [],
    },
    createLogger('gateway', `${label}-spec`, 'silent'),
  );
}

export interface TestSubgraphOptions {
  /** Answers some operations as a broken subgraph would (no graphql-js in between); undefined runs the operation. */
  canned?: (query: string) => unknown;
  /** Called for each operation the subgraph runs, with its text and the request's headers. */
  seen?: (query: string, headers: IncomingHttpHeaders) => void;
}

/**
 * A small subgraph over HTTP that speaks persisted queries as our services' Apollo Server does: a query it has
 * been sent once is then named by its hash alone; an unknown hash is refused (PERSISTED_QUERY_NOT_FOUND) and
 * nothing runs.
 */
export async function startTestSubgraph(schema: GraphQLSchema, options: TestSubgraphOptions = {}): Promise<{ url: string; server: Server }> {
  const known = new Map<string, string>();
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const request = JSON.parse(body) as { query?: string; variables?: Record<string, unknown>; extensions?: { persistedQuery?: { sha256Hash: string } } };
      const hash = request.extensions?.persistedQuery?.sha256Hash;
      if (hash && request.query) known.set(hash, request.query);
      const query = request.query ?? (hash ? known.get(hash) : undefined);
      res.setHeader('content-type', 'application/json');
      if (query === undefined) {
        res.end(JSON.stringify({ errors: [{ message: 'PersistedQueryNotFound', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } }] }));
        return;
      }
      options.seen?.(query, req.headers);
      const answer = options.canned?.(query);
      const reply = answer !== undefined ? Promise.resolve(answer) : graphql({ schema, source: query, variableValues: request.variables });
      void reply.then((result) => res.end(JSON.stringify(result)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`, server };
}
