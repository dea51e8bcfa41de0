/**
 * Typed operations for the console, generated from the graph the gateway serves: the API schema of
 * apps/gateway/supergraph.graphql (join/link machinery and @inaccessible fields removed). An operation in
 * src/**\/*.graphql that the graph no longer answers fails here, so a schema change that breaks a screen fails
 * the console's build. Run from the workspace root: `npm run console:codegen`.
 */
import type { CodegenConfig } from '@graphql-codegen/cli';
import { Supergraph } from '@apollo/federation-internals';
import { printSchema } from 'graphql';
import { readFileSync } from 'node:fs';

// CONSOLE_SUPERGRAPH: generate against a candidate supergraph (say, one composed from uncommitted SDL).
const supergraph = readFileSync(process.env['CONSOLE_SUPERGRAPH'] ?? 'apps/gateway/supergraph.graphql', 'utf8');

const config: CodegenConfig = {
  schema: printSchema(Supergraph.build(supergraph).apiSchema().toGraphQLJSSchema()),
  documents: ['apps/console/src/graphql/**/*.graphql'],
  ignoreNoDocuments: false,
  errorsOnly: true,
  generates: {
    'apps/console/src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        documentMode: 'string',
        enumsAsTypes: true,
        strictScalars: true,
        scalars: { Date: 'string', DateTimeISO: 'string', JSONObject: 'Record<string, unknown>' },
      },
    },
  },
};

export default config;
