import { getJestProjectsAsync } from '@nx/jest';

export default async () => ({
  // tools/bench is no nx project (its benches are run, never built or served), so its specs are named here.
  projects: [...(await getJestProjectsAsync()), '<rootDir>/tools/bench'],
  // A global option: per-project values are ignored when jest runs all projects together.
  testTimeout: 60000,
  // Two suites at a time, whatever the core count: most suites spend their time waiting on PostgreSQL, the broker
  // and the processes they start, and jest's default on two cores (one worker) left a core idle. `npm test` took
  // 386 s instead of 568, the slow fault step 241 s instead of 336, with the same margins. Ports, databases and
  // Kafka topic namespaces are each test's own (libs/testing), so two suites never share one.
  maxWorkers: 2,
});
