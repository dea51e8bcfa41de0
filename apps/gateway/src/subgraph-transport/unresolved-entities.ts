import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';

export const ENTITY_NOT_FOUND = 'NOT_FOUND';

/**
 * A subgraph answers `_entities` with `null` for a reference it cannot resolve for this caller (a card a
 * salesperson does not own, a record it does not hold), and says nothing else. The gateway then nulls the
 * field that referenced it — up to `data: null` when every parent is non-null — and, without an error from
 * any subgraph, reports why only under `extensions.valueCompletion`, which clients do not read. Each such null
 * gets its error here, at the entity's path, so the gateway carries it to the field that was nulled.
 */
export function explainUnresolvedEntities(response: GatewayGraphQLResponse, variables: Record<string, unknown> | undefined): GatewayGraphQLResponse {
  const entities = (response.data as { _entities?: unknown } | null | undefined)?._entities;
  if (!Array.isArray(entities) || !entities.includes(null)) return response;
  // An entity nulled by an error of its own (at ['_entities', i] or below) is explained already.
  const explained = new Set(
    (response.errors ?? []).flatMap((error) => (error.path?.[0] === '_entities' && typeof error.path[1] === 'number' ? [error.path[1]] : [])),
  );
  const representations = Array.isArray(variables?.['representations']) ? (variables['representations'] as { __typename?: unknown }[]) : [];
  const added = entities.flatMap((entity, index) => {
    if (entity !== null || explained.has(index)) return [];
    const typename = typeof representations[index]?.__typename === 'string' ? (representations[index]?.__typename as string) : 'record';
    return [{ message: `This ${typename} does not exist or is not visible to you`, path: ['_entities', index], extensions: { code: ENTITY_NOT_FOUND } }];
  });
  return added.length === 0 ? response : { ...response, errors: [...(response.errors ?? []), ...added] };
}
