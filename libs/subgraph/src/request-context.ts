import type { Identity } from '@aftercare/identity';
import { LoaderRegistry } from './loaders';

/** What every resolver receives: who is asking, and the request's DataLoaders. */
export interface RequestContext {
  identity: Identity;
  requestId: string;
  loaders: LoaderRegistry;
}

export function createRequestContext(identity: Identity, requestId: string): RequestContext {
  return { identity, requestId, loaders: new LoaderRegistry() };
}
