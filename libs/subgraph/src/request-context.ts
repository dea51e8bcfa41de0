import type { Identity } from '@aftercare/identity';
import type { LoaderRegistry } from './loaders';

/** What every resolver receives: who is asking, and the request's DataLoaders. */
export interface RequestContext {
  identity: Identity;
  requestId: string;
  loaders: LoaderRegistry;
}
