export interface SubgraphReadiness {
  name: string;
  ready: boolean;
}

/** The gateway is ready only when every subgraph it routes to says it is. */
export async function checkSubgraphs(subgraphs: { name: string; url: string }[]): Promise<SubgraphReadiness[]> {
  return Promise.all(
    subgraphs.map(async ({ name, url }) => {
      try {
        const response = await fetch(url.replace(/\/graphql\/?$/, '/health/ready'), { signal: AbortSignal.timeout(2000) });
        return { name, ready: response.ok };
      } catch {
        return { name, ready: false };
      }
    }),
  );
}
