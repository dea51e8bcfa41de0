/**
 * A service as it is deployed (its definition, loaded by name: benches import no app internals), on a database
 * of its own, driven through its own GraphQL schema in-process, with every SQL statement it sends kept.
 */
import { graphql } from 'graphql';
import { DataSource } from 'typeorm';
import type { Identity, StaffRole } from '@aftercare/identity';
import { Outbox } from '@aftercare/messaging';
import { databaseConfigFor, dropDatabase, onEveryStatement, openServiceDatabase } from '@aftercare/persistence';
import { loadServiceDefinition } from '@aftercare/platform-checks';
import { buildServiceSchema, serviceDatabaseFrom, serviceDatabaseOptions } from '@aftercare/service-runtime';
import { ServiceContainer } from '@aftercare/subgraph';
import { createRequestContext } from '@aftercare/subgraph-server';

/**
 * Where the service's data lives: `scratch` names a database made from nothing for the bench and dropped on
 * close; `platform` is a running platform's environment, whose database for this service (named as the service
 * itself names it) is opened with its data as it is, and left there.
 */
export type ServiceData = { scratch: string } | { platform: NodeJS.ProcessEnv };

export interface SentStatement {
  sql: string;
  parameters: unknown[];
}

export interface InProcessService {
  dataSource: DataSource;
  /** Runs one operation as `caller`; returns its data or throws its errors. */
  run<T>(source: string, variables: Record<string, unknown>, caller: Identity): Promise<T>;
  /** Statements sent since the last reset, with their parameters, in the order they were sent. */
  statements(): SentStatement[];
  resetStatements(): void;
  close(): Promise<void>;
}

/** A staff member of the bench's own, holding one role. */
export function benchStaff(role: StaffRole): Identity {
  return { kind: 'staff', userId: 'bench', name: `Bench ${role.toLowerCase()}`, roles: [role] };
}

export async function openInProcessService(name: string, data: ServiceData): Promise<InProcessService> {
  const definition = loadServiceDefinition(name);
  const scratch = 'scratch' in data;
  const config = scratch ? databaseConfigFor(data.scratch) : serviceDatabaseFrom(definition, data.platform);
  if (scratch) await dropDatabase(config);
  const dataSource = await openServiceDatabase(serviceDatabaseOptions(definition, config));
  const sent: SentStatement[] = [];
  onEveryStatement(dataSource, (sql, parameters) => sent.push({ sql, parameters }));
  const schema = await buildServiceSchema(definition, new ServiceContainer().register(Outbox, new Outbox()).register(DataSource, dataSource));
  return {
    dataSource,
    async run<T>(source: string, variables: Record<string, unknown>, caller: Identity): Promise<T> {
      const result = await graphql({ schema, source, variableValues: variables, contextValue: createRequestContext(caller, 'bench') });
      if (result.errors) throw new Error(JSON.stringify(result.errors));
      return result.data as T;
    },
    statements: () => [...sent],
    resetStatements: () => {
      sent.length = 0;
    },
    async close() {
      await dataSource.destroy();
      if (scratch) await dropDatabase(config);
    },
  };
}
