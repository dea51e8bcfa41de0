const path = require('node:path');
const { compilerOptions } = require('./tsconfig.base.json');

/** tsconfig path aliases (`@aftercare/*`) as jest module mappings, so tests import libs the way code does. */
const moduleNameMapper = Object.fromEntries(Object.entries(compilerOptions.paths).map(([alias, [target]]) => [`^${alias}$`, path.join(__dirname, target)]));

/** @swc/jest with decorator metadata: type-graphql and TypeORM read the emitted design types. */
const swcTransform = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];

module.exports = {
  testEnvironment: 'node',
  // jose ships ES modules only: compiled to CommonJS like our sources (the platform's Node 24 requires it natively).
  transform: { '^.+\\.ts$': swcTransform, '/node_modules/jose/.+\\.js$': swcTransform },
  transformIgnorePatterns: ['/node_modules/(?!jose/)'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper,
  setupFiles: ['reflect-metadata', path.join(__dirname, 'tools/jest/test-env.js')],
  testTimeout: 60000,
};
