import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
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
