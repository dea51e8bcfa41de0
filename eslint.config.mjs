import nx from '@nx/eslint-plugin';

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  { ignores: ['**/dist', '**/node_modules', '**/.data', '**/tmp', '**/*.js'] },
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      // Layers: apps never import apps; libraries never import apps; every dependency is a small tagged lib.
      // Purposes order the libraries: core libs stand alone; messaging and graphql (the resolver kit) build on core;
      // server (the subgraph server) builds on graphql; the service runtime assembles them; platform checks read a
      // running platform. Tags live in project.json.
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          allow: [],
          depConstraints: [
            // layer:testing (libs/testing, the test harness) is for tests only: see the rule for non-test files below.
            { sourceTag: 'layer:app', onlyDependOnLibsWithTags: ['layer:lib', 'layer:testing'] },
            { sourceTag: 'layer:lib', onlyDependOnLibsWithTags: ['layer:lib', 'layer:testing'] },
            { sourceTag: 'layer:testing', onlyDependOnLibsWithTags: ['layer:lib'] },
            { sourceTag: 'layer:e2e', onlyDependOnLibsWithTags: ['layer:lib', 'layer:testing'] },
            { sourceTag: 'purpose:core', onlyDependOnLibsWithTags: ['purpose:core', 'layer:testing'] },
            { sourceTag: 'purpose:messaging', onlyDependOnLibsWithTags: ['purpose:core', 'layer:testing'] },
            { sourceTag: 'purpose:graphql', onlyDependOnLibsWithTags: ['purpose:core', 'layer:testing'] },
            { sourceTag: 'purpose:server', onlyDependOnLibsWithTags: ['purpose:core', 'purpose:graphql', 'layer:testing'] },
            {
              sourceTag: 'purpose:runtime',
              onlyDependOnLibsWithTags: ['purpose:core', 'purpose:messaging', 'purpose:graphql', 'purpose:server', 'layer:testing'],
            },
            {
              sourceTag: 'purpose:checks',
              onlyDependOnLibsWithTags: ['purpose:core', 'purpose:messaging', 'purpose:graphql', 'purpose:server', 'purpose:runtime', 'layer:testing'],
            },
            {
              sourceTag: 'purpose:testing',
              onlyDependOnLibsWithTags: ['purpose:core', 'purpose:messaging', 'purpose:graphql', 'purpose:server', 'purpose:runtime'],
            },
            // The console runs in the browser: only libraries that do too (no node: modules, no database, no Kafka).
            { sourceTag: 'scope:console', onlyDependOnLibsWithTags: ['platform:browser'] },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The test harness starts processes, brokers and databases: production code never imports it.
    // basePath: the patterns are the workspace's paths, whichever project's config imports this one.
    basePath: import.meta.dirname,
    files: ['**/*.ts', '**/*.tsx'],
    ignores: [
      '**/*.spec.ts',
      '**/*.spec.tsx',
      '**/*.test.ts',
      '**/*.test.tsx',
      '**/*.spec-support.ts',
      'apps/*-e2e/**',
      'libs/testing/**',
      '**/jest.config.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: '@aftercare/testing', message: 'libs/testing is for tests only (*.spec.ts, *.spec-support.ts, e2e projects)' }] },
      ],
    },
  },
  {
    // Benchmarks drive services the way clients do, through their public entry points, never an app's internals by path.
    basePath: import.meta.dirname,
    files: ['tools/bench/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/apps/**'], message: 'bench tools import no app internals by path' }] }],
    },
  },
  {
    // A test states what it expects to be there; `!` is that statement.
    files: ['**/*.spec.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
];
