'use strict';
/**
 * kubernetes-models and @kubernetes-models/prometheus-operator export ES modules under the "import" condition
 * only; jest resolves with "require". For those packages (and what they import) resolve with "import"; the
 * files found are compiled to CommonJS by the transform in jest.config.ts. Every other package resolves as usual.
 */
const ESM_ONLY = /^(kubernetes-models|@kubernetes-models\/)/;
const INSIDE = /[\\/]node_modules[\\/](kubernetes-models|@kubernetes-models)[\\/]/;

module.exports = (request, options) => {
  const esmOnly = ESM_ONLY.test(request) || INSIDE.test(options.basedir);
  return options.defaultResolver(request, esmOnly ? { ...options, conditions: ['import', 'default'] } : options);
};
