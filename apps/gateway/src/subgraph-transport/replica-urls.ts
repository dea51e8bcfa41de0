/**
 * A subgraph's locator is one URL, or the URLs of its replicas separated by commas
 * (`SUBGRAPH_URL_SALES=http://sales-1:4001/graphql,http://sales-2:4001/graphql`).
 */
export function replicaUrls(locator: string): string[] {
  return locator
    .split(',')
    .map((url) => url.trim())
    .filter(Boolean);
}
