import { GraphQLDataSourceProcessOptions, RemoteGraphQLDataSource } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import type { FetcherResponse } from '@apollo/utils.fetcher';
import { IDENTITY_HEADER, Identity, REQUEST_ID_HEADER, signGatewayIdentity } from '@aftercare/identity';
import { identityKeyOf, SignatureCache } from './subgraph-transport/request-identity';
import { ReplyResponse } from './subgraph-transport/reply-response';
import { SubgraphRequestError, SubgraphTransports } from './subgraph-transport/subgraph-http-client';
import { GraphQLError } from 'graphql';
import { subgraphTransportConfigFrom } from './subgraph-transport/transport-config';
import { explainUnresolvedEntities } from './subgraph-transport/unresolved-entities';

export interface GatewayContext {
  identity: Identity;
  requestId: string;
}

/** The process-wide transports: one keep-alive agent per subgraph URL, whatever the supergraph reloads. */
export const defaultSubgraphTransports = new SubgraphTransports(subgraphTransportConfigFrom());

/** The code of a subgraph that could not be reached (refused, reset, timed out): the request may be retried. */
export const SUBGRAPH_UNAVAILABLE = 'SUBGRAPH_UNAVAILABLE';

/** Subgraph operations the gateway sends read `query …` or `{ … }`; anything else (a mutation) is never resent or shared. */
const QUERY_OPERATION = /^\s*(?:query\b|\{)/;

/**
 * Every subgraph request carries the caller's identity signed by the gateway. Client headers are never
 * copied onto subgraph requests, so nothing a client sends can pose as that identity.
 *
 * With an audience (the subgraph's name), the identity is bound to that subgraph and signed once per caller
 * and subgraph for a few seconds — not once per fetch or per request (see SignatureCache). Requests go through the subgraph's shared keep-alive
 * client (subgraph-transport), where identical in-flight queries of the same caller may share one request.
 */
export class SignedSubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    url: string,
    private readonly signingSecret: string,
    private readonly audience?: string,
    private readonly transports: SubgraphTransports = defaultSubgraphTransports,
    private readonly signatures: SignatureCache = new SignatureCache(),
  ) {
    super({ url });
  }

  override async willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<void> {
    if (!('identity' in context) || !context.identity) return;
    const caller = context as GatewayContext;
    const { audience } = this;
    const token = await (audience ? this.signatures.tokenFor(caller, audience, () => this.sign(caller.identity, audience)) : this.sign(caller.identity));
    request.http?.headers.set(IDENTITY_HEADER, token);
    request.http?.headers.set(REQUEST_ID_HEADER, caller.requestId);
  }

  /**
   * A subgraph that cannot be reached is the caller's clear, retryable error — naming the service, never its
   * address; the other services' fields of the same request are still answered (a partial result).
   */
  private unavailable(error: SubgraphRequestError, isQuery: boolean): GraphQLError {
    // A mutation whose connection broke after it was sent may have been applied: only the caller can tell.
    const retryable = isQuery || error.code === 'ECONNREFUSED';
    const service = this.audience ?? 'a';
    return new GraphQLError(`The ${service} service is unavailable right now${retryable ? '; retry shortly' : ''}`, {
      extensions: { code: SUBGRAPH_UNAVAILABLE, service: this.audience, retryable },
      originalError: error,
    });
  }

  /** Ed25519 over the identity: the one cryptographic cost per request and subgraph. */
  protected sign(identity: Identity, audience?: string): Promise<string> {
    return signGatewayIdentity(identity, this.signingSecret, audience);
  }

  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    const { request, context } = options;
    const headers = new Headers();
    for (const [name, value] of request.http?.headers ?? []) headers.append(name, value);
    headers.set('content-type', 'application/json');
    request.http = { method: 'POST', url: this.url, headers };
    await this.willSendRequest?.(options);
    if (!request.query) throw new Error('Missing query');

    const { http, ...payload } = request;
    const body = JSON.stringify(payload);
    const isQuery = QUERY_OPERATION.test(request.query);
    const identity = 'identity' in context ? (context as GatewayContext).identity : undefined;
    const shareKey = isQuery && identity && this.transports.dedupInFlight ? `${identityKeyOf(context as GatewayContext)}\n${body}` : undefined;
    const reply = await this.transports
      .clientFor(this.url)
      .post(body, Object.fromEntries(http?.headers ?? headers), { idempotent: isQuery, shareKey })
      .catch((error: unknown) => {
        throw error instanceof SubgraphRequestError ? this.unavailable(error, isQuery) : error;
      });

    const response: FetcherResponse = new ReplyResponse(this.url, reply);
    if (!response.ok) throw await this.errorFromResponse(response);
    const parsed = await this.parseBody(response);
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      throw new Error(`Expected JSON response body, but received: ${String(parsed)}`);
    }
    const result = explainUnresolvedEntities(parsed as GatewayGraphQLResponse, request.variables);
    return this.didReceiveResponse ? this.didReceiveResponse({ response: result, request, context: context as GatewayContext }) : result;
  }
}
