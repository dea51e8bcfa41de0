import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { IDENTITY_HEADER, signGatewayIdentity } from '@aftercare/identity';
import { GatewayContext, SignedSubgraphDataSource } from '../signed-subgraph-data-source';

/**
 * Binds each signed identity to the one subgraph it is sent to (audience = subgraph name), so a token
 * seen by one subgraph cannot be replayed against another. Subgraphs refuse any other audience.
 */
export class AudienceBoundDataSource extends SignedSubgraphDataSource {
  constructor(
    url: string,
    private readonly key: string,
    private readonly subgraph: string,
  ) {
    super(url, key);
  }

  override async willSendRequest(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<void> {
    await super.willSendRequest(options);
    const { context, request } = options;
    if (!('identity' in context) || !context.identity) return;
    request.http?.headers.set(IDENTITY_HEADER, signGatewayIdentity(context.identity, this.key, this.subgraph));
  }
}
