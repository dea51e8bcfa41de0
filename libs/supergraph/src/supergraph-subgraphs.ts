export interface SupergraphSubgraph {
  /** The subgraph's name as composed, e.g. `service-dispatch`. */
  name: string;
  url: string;
}

const JOIN_GRAPH = /@join__graph\(name:\s*"([^"]+)",\s*url:\s*"([^"]*)"\)/g;

/** The subgraphs a supergraph SDL routes to, read from its `join__Graph` enum. */
export function subgraphsOf(supergraphSdl: string): SupergraphSubgraph[] {
  return [...supergraphSdl.matchAll(JOIN_GRAPH)].map(([, name, url]) => ({ name: name as string, url: url as string }));
}
