import { replicaUrls } from '../subgraph-transport/replica-urls';

export interface SubgraphReadiness {
  name: string;
  /** At least one replica is ready: the gateway can route the subgraph's fields. */
  ready: boolean;
  replicas: number;
  /**
   * Positions (from 1, in `SUBGRAPH_URL_<NAME>` order) of the replicas that are not ready. Positions rather than
   * addresses: the endpoint is reachable by whatever probes the gateway, and internal addresses stay internal.
   */
  replicasDown: number[];
}

const READY_TIMEOUT_MS = 2_000;

async function replicaReady(url: string): Promise<boolean> {
  try {
    const response = await fetch(url.replace(/\/graphql\/?$/, '/health/ready'), { signal: AbortSignal.timeout(READY_TIMEOUT_MS) });
    return response.ok;
  } catch {
    return false;
  }
}

/**
 * Asks every replica of every subgraph (a locator may list several URLs). The gateway is ready only when
 * each subgraph it routes to has a ready replica; a replica down is reported, but the others carry its load.
 */
export async function checkSubgraphs(subgraphs: { name: string; url: string }[]): Promise<SubgraphReadiness[]> {
  return Promise.all(
    subgraphs.map(async ({ name, url }) => {
      const replicas = replicaUrls(url);
      const ready = await Promise.all(replicas.map(replicaReady));
      const replicasDown = ready.flatMap((up, index) => (up ? [] : [index + 1]));
      return { name, ready: ready.some(Boolean), replicas: replicas.length, replicasDown };
    }),
  );
}
