/**
 * A service as it is deployed (its definition, loaded by name: benches import no app internals), on a fresh
 * database of its own, driven through its own GraphQL schema in-process, with every SQL statement counted.
 */
import { graphql } from 'graphql';
import { DataSource } from 'typeorm';
import type { StaffRole } from '@aftercare/identity';
import { InboxEvent, messagingMigrations, Outbox, OutboxEvent } from '@aftercare/messaging';
import { databaseConfigFor, dropDatabase, onEveryStatement, openServiceDatabase } from '@aftercare/persistence';
import { loadServiceDefinition } from '@aftercare/platform-checks';
import { buildServiceSchema } from '@aftercare/service-runtime';
import { ServiceContainer } from '@aftercare/subgraph';
import { createRequestContext } from '@aftercare/subgraph-server';

export interface InProcessService {
  dataSource: DataSource;
  /** Runs one operation as a staff member with `role`; returns its data or throws its errors. */
  run<T>(source: string, variables: Record<string, unknown>, role: StaffRole): Promise<T>;
  /** Statements sent since the last reset. */
  statements(): number;
  resetStatements(): void;
  close(): Promise<void>;
}

export async function openInProcessService(name: string, databaseName: string): Promise<InProcessService> {
  const definition = loadServiceDefinition(name);
  const config = databaseConfigFor(databaseName);
  await dropDatabase(config);
  const dataSource = await openServiceDatabase({
    config,
    entities: [OutboxEvent, InboxEvent, ...definition.entities],
    migrations: [...messagingMigrations, ...definition.migrations],
  });
  const counter = { count: 0 };
  onEveryStatement(dataSource, () => (counter.count += 1));
  const schema = await buildServiceSchema(definition, new ServiceContainer().register(Outbox, new Outbox()).register(DataSource, dataSource));
  return {
    dataSource,
    async run<T>(source: string, variables: Record<string, unknown>, role: StaffRole): Promise<T> {
      const identity = { kind: 'staff' as const, userId: 'bench', name: `Bench ${role.toLowerCase()}`, roles: [role] };
      const result = await graphql({ schema, source, variableValues: variables, contextValue: createRequestContext(identity, 'bench') });
      if (result.errors) throw new Error(JSON.stringify(result.errors));
      return result.data as T;
    },
    statements: () => counter.count,
    resetStatements: () => {
      counter.count = 0;
    },
    async close() {
      await dataSource.destroy();
      await dropDatabase(config);
    },
  };
}
