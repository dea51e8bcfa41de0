import { getJestProjectsAsync } from '@nx/jest';

export default async () => ({
  // tools/bench is no nx project (its benches are run, never built or served), so its specs are named here.
  projects: [...(await getJestProjectsAsync()), '<rootDir>/tools/bench'],
  // A global option: per-project values are ignored when jest runs all projects together.
  testTimeout: 60000,
});
