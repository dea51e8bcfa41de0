import nx from '@nx/eslint-plugin';

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  { ignores: ['**/dist', '**/node_modules', '**/.data', '**/tmp', '**/*.js'] },
  {
    files: ['**/*.ts'],
    rules: {
      // Apps never import apps; libraries never import apps; every dependency is a small tagged lib.
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          allow: [],
          depConstraints: [
            // type:testing (libs/testing, the test harness) is for tests only: see the rule for non-test files below.
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:lib', 'type:testing'] },
            { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:lib', 'type:testing'] },
            { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:lib'] },
            { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:lib', 'type:testing'] },
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
    files: ['**/*.ts'],
    ignores: ['**/*.spec.ts', '**/*.spec-support.ts', 'apps/*-e2e/**', 'libs/testing/**', '**/jest.config.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: '@aftercare/testing', message: 'libs/testing is for tests only (*.spec.ts, *.spec-support.ts, e2e projects)' }] }],
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
