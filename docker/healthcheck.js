'use strict';
// Container HEALTHCHECK for every Aftercare image: GET http://127.0.0.1:<port>/health/ready, healthy on 200.
// The slim Node image has no curl, so this uses node's built-in fetch.
// Port: HEALTHCHECK_PORT if set, else the app's own variable (GATEWAY_PORT, SALES_PORT, ...), else its default.
const DEFAULT_PORTS = {
  gateway: 4000,
  sales: 4001,
  'service-dispatch': 4002,
  complaints: 4003,
  'engineer-network': 4004,
  'value-added': 4005,
};

const app = process.env.AFTERCARE_APP || '';
const portVariable = `${app.replace(/-/g, '_').toUpperCase()}_PORT`;
const port = process.env.HEALTHCHECK_PORT || process.env[portVariable] || DEFAULT_PORTS[app];

if (!port) {
  console.error(`healthcheck: no port for app "${app}" (set HEALTHCHECK_PORT or ${portVariable})`);
  process.exit(1);
}

const url = `http://127.0.0.1:${port}/health/ready`;
fetch(url, { signal: AbortSignal.timeout(4000) })
  .then((response) => {
    if (response.status === 200) process.exit(0);
    console.error(`healthcheck: ${url} answered ${response.status}`);
    process.exit(1);
  })
  .catch((error) => {
    console.error(`healthcheck: ${url} failed: ${error.message}`);
    process.exit(1);
  });
