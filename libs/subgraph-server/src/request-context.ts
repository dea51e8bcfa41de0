import type { Identity } from '@aftercare/identity';
import { LoaderRegistry, RequestContext } from '@aftercare/subgraph';

/** A fresh context per request: the caller's identity and empty DataLoaders, so no batch outlives its request. */
export function createRequestContext(identity: Identity, requestId: string): RequestContext {
  return { identity, requestId, loaders: new LoaderRegistry() };
}
