/**
 * Renders deploy/kubernetes with `kubectl kustomize` and checks every object against its schema and the
 * deployment policy. kubernetes-models and @kubernetes-models/prometheus-operator ship ES modules only: they
 * are resolved with the "import" condition (resolver.js) and compiled to CommonJS (jest merges this transform
 * with the preset's, which compiles our TypeScript and jose).
 */
export default {
  displayName: 'deploy-check',
  preset: '../../jest.preset.js',
  roots: ['<rootDir>/src'],
  resolver: '<rootDir>/resolver.js',
  transform: {
    '/node_modules/(kubernetes-models|@kubernetes-models)/.+\\.m?js$': ['@swc/jest', { module: { type: 'commonjs' } }],
  },
  // Everything under those packages (their own nested dependencies, ES modules too) is compiled; jose as in the preset.
  transformIgnorePatterns: ['^(?!.*/node_modules/(kubernetes-models|@kubernetes-models)/).*/node_modules/(?!jose/)'],
};
