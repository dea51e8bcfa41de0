import { getJestProjectsAsync } from '@nx/jest';

export default async () => ({
  projects: await getJestProjectsAsync(),
  // A global option: per-project values are ignored when jest runs all projects together.
  testTimeout: 60000,
});
