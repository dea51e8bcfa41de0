import { GraphQLDataSourceProcessOptions, RemoteGraphQLDataSource } from '@apollo/gateway';
import { IDENTITY_HEADER, Identity, REQUEST_ID_HEADER, signGatewayIdentity } from '@aftercare/identity';

export interface GatewayContext {
  identity: Identity;
  requestId: string;
}

/**
 * Every subgraph request carries the caller's identity signed by the gateway. Client headers are never
 * copied onto subgraph requests, so nothing a client sends can pose as that identity.
 */
export class SignedSubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    url: string,
    private readonly signingSecret: string,
  ) {
    super({ url });
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    if (!('identity' in context) || !context.identity) return;
    request.http?.headers.set(IDENTITY_HEADER, signGatewayIdentity(context.identity, this.signingSecret));
    request.http?.headers.set(REQUEST_ID_HEADER, context.requestId);
  }
}
