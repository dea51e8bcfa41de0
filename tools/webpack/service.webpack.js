const { composePlugins, withNx } = require('@nx/webpack');

/**
 * One webpack setup for every service and the gateway: compiled with tsc (decorator metadata is what
 * type-graphql and TypeORM read), node_modules left external, output a single main.js to run with node.
 */
module.exports = composePlugins(withNx({ target: 'node' }), (config) => {
  config.devtool = 'source-map';
  config.optimization = { ...config.optimization, minimize: false };
  // type-graphql and TypeORM look classes up by name; keep the names.
  config.output = { ...config.output, devtoolModuleFilenameTemplate: '[absolute-resource-path]' };
  return config;
});
