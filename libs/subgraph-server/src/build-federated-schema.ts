import { buildSubgraphSchema, printSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { GraphQLSchema } from 'graphql';
import gql from 'graphql-tag';
import { buildSchema, createResolversMap, NonEmptyArray } from 'type-graphql';
import { AccessTable, checkAccessTable, ServiceContainer } from '@aftercare/subgraph';
import { guardFields } from './access-guard';
import { callFieldResolversDirectly } from './direct-field-resolvers';

export const FEDERATION_LINK = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@external", "@requires", "@provides", "@inaccessible"])`;

export interface FederatedSchemaOptions {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  resolvers: NonEmptyArray<Function>;
  /** Types reached only through federation (entities other services reference), which type-graphql would otherwise drop. */
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  orphanedTypes?: Function[];
  container: ServiceContainer;
  /** Who may run each operation and read each guarded field: the only place the service writes a permission. */
  access: AccessTable;
  /** `__resolveReference` per entity type name. */
  referenceResolvers?: GraphQLResolverMap<unknown>;
}

/**
 * type-graphql builds the schema from decorated classes; its SDL, directives included, becomes the type
 * definitions of an Apollo subgraph so federation (`_entities`, `_service`) is added by Apollo itself.
 */
export async function buildFederatedSchema(options: FederatedSchemaOptions): Promise<GraphQLSchema> {
  const typeGraphqlSchema = await buildSchema({
    resolvers: options.resolvers,
    orphanedTypes: options.orphanedTypes,
    container: options.container,
    validate: { forbidUnknownValues: false },
    skipCheck: true,
  });
  checkAccessTable(typeGraphqlSchema, options.access);
  callFieldResolversDirectly(typeGraphqlSchema, options.resolvers, options.container);
  guardFields(typeGraphqlSchema, options.access);
  const resolvers = createResolversMap(typeGraphqlSchema) as GraphQLResolverMap<unknown>;
  for (const [typeName, reference] of Object.entries(options.referenceResolvers ?? {})) {
    resolvers[typeName] = { ...(resolvers[typeName] as object), ...(reference as object) };
  }
  return buildSubgraphSchema([
    {
      typeDefs: gql`
        ${FEDERATION_LINK}
        ${printSchemaWithDirectives(typeGraphqlSchema)}
      `,
      resolvers,
    },
  ]);
}

/** The SDL a subgraph contributes to the supergraph, federation directives included. */
export function printFederatedSchema(schema: GraphQLSchema): string {
  return `${printSubgraphSchema(schema).trim()}\n`;
}
