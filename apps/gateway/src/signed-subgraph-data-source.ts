import { GraphQLDataSourceProcessOptions, RemoteGraphQLDataSource } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import type { FetcherResponse } from '@apollo/utils.fetcher';
import { IDENTITY_HEADER, Identity, REQUEST_ID_HEADER, signGatewayIdentity } from '@aftercare/identity';
import { identityKeyOf, SignatureCache } from './subgraph-transport/request-identity';
import { PlainHeaders } from './subgraph-transport/plain-headers';
import { ReplyResponse } from './subgraph-transport/reply-response';
import { SubgraphRequestError, SubgraphTransports } from './subgraph-transport/subgraph-http-client';
import { GraphQLError } from 'graphql';
import { subgraphTransportConfigFrom } from './subgraph-transport/transport-config';
import { explainUnresolvedEntities } from './subgraph-transport/unresolved-entities';
import { mergedVariables, mergeEntityQueries, splitMergedResponse } from './subgraph-transport/entity-fetch-merging';
import { hasSiblingFetches } from './subgraph-transport/sibling-fetches';
import { PersistedQueryHashes, persistedQueryRefusal } from './subgraph-transport/persisted-queries';

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
interface WaitingFetch {
  options: GraphQLDataSourceProcessOptions<GatewayContext>;
  resolve: (response: GatewayGraphQLResponse | PromiseLike<GatewayGraphQLResponse>) => void;
  reject: (error: unknown) => void;
}

export class SignedSubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    url: string,
    private readonly signingSecret: string,
    private readonly audience?: string,
    private readonly transports: SubgraphTransports = defaultSubgraphTransports,
    private readonly signatures: SignatureCache = new SignatureCache(),
  ) {
    super({ url });
    this.persistedQueries = transports.persistedQueries ? new PersistedQueryHashes() : undefined;
  }

  /** Unset when persisted queries are off, or once the subgraph has said it does not support them. */
  private persistedQueries: PersistedQueryHashes | undefined;

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
    const headers = new PlainHeaders();
    for (const [name, value] of request.http?.headers ?? []) headers.append(name, value);
    headers.set('content-type', 'application/json');
    request.http = { method: 'POST', url: this.url, headers };
    await this.willSendRequest?.(options);
    if (!request.query) throw new Error('Missing query');
    if (this.audience && hasSiblingFetches(context, this.audience) && QUERY_OPERATION.test(request.query)) return this.together(options);
    return this.send(options);
  }

  /** Fetches of one caller's request waiting for the rest of their plan level (one event-loop turn) to share one subgraph request. */
  private readonly waiting = new WeakMap<object, WaitingFetch[]>();

  private together(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    return new Promise((resolve, reject) => {
      const { context } = options;
      let batch = this.waiting.get(context);
      if (!batch) {
        batch = [];
        this.waiting.set(context, batch);
        setImmediate(() => {
          this.waiting.delete(context);
          void this.sendBatch(batch!);
        });
      }
      batch.push({ options, resolve, reject });
    });
  }

  private async sendBatch(batch: WaitingFetch[]): Promise<void> {
    const merge = batch.length > 1 ? mergeEntityQueries(batch.map(({ options }) => options.request.query!)) : undefined;
    if (!merge) {
      for (const { options, resolve, reject } of batch) this.send(options).then(resolve, reject);
      return;
    }
    const first = batch[0]!.options;
    const variables = batch.map(({ options }) => options.request.variables);
    try {
      const response = await this.send({ ...first, request: { ...first.request, query: merge.query, variables: mergedVariables(merge, variables) } }, false);
      splitMergedResponse(merge, response).forEach((part, index) => {
        const { options, resolve } = batch[index]!;
        const explained = explainUnresolvedEntities(part, variables[index]);
        resolve(
          this.didReceiveResponse
            ? this.didReceiveResponse({ response: explained, request: options.request, context: options.context as GatewayContext })
            : explained,
        );
      });
    } catch (error) {
      for (const { reject } of batch) reject(error);
    }
  }

  private async send(options: GraphQLDataSourceProcessOptions<GatewayContext>, explain = true): Promise<GatewayGraphQLResponse> {
    const { request, context } = options;
    const { http, query, ...payload } = request;
    const isQuery = QUERY_OPERATION.test(query!);
    const headers = Object.fromEntries(http?.headers ?? []);
    const persisted = this.persistedQueries?.extensionFor(query!);
    const extensions = persisted && { ...payload.extensions, ...persisted.extension };
    const withText = () => JSON.stringify({ ...payload, query, ...(extensions && { extensions }) });
    let reply = await this.post(persisted?.firstUse === false ? JSON.stringify({ ...payload, extensions }) : withText(), headers, isQuery, context);
    const refusal = persisted && persistedQueryRefusal(reply.body);
    // A subgraph without persisted queries is sent the bare text from now on; one that forgot the query gets it again.
    if (refusal === 'not-supported') this.persistedQueries = undefined;
    if (refusal) reply = await this.post(refusal === 'not-found' ? withText() : JSON.stringify({ ...payload, query }), headers, isQuery, context);

    const response: FetcherResponse = new ReplyResponse(this.url, reply);
    if (!response.ok) throw await this.errorFromResponse(response);
    const parsed = await this.parseBody(response);
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      throw new Error(`Expected JSON response body, but received: ${String(parsed)}`);
    }
    if (!explain) return parsed as GatewayGraphQLResponse;
    const result = explainUnresolvedEntities(parsed as GatewayGraphQLResponse, request.variables);
    return this.didReceiveResponse ? this.didReceiveResponse({ response: result, request, context: context as GatewayContext }) : result;
  }

  private post(body: string, headers: Record<string, string>, isQuery: boolean, context: GraphQLDataSourceProcessOptions<GatewayContext>['context']) {
    const identity = 'identity' in context ? (context as GatewayContext).identity : undefined;
    const shareKey =
      isQuery && identity && this.transports.dedupInFlight ? `${identityKeyOf(context as GatewayContext)}\n${this.transports.writeEpoch}\n${body}` : undefined;
    return this.transports
      .clientFor(this.url)
      .post(body, headers, { idempotent: isQuery, shareKey })
      .catch((error: unknown) => {
        throw error instanceof SubgraphRequestError ? this.unavailable(error, isQuery) : error;
      })
      .finally(() => isQuery || this.transports.wrote());
  }
}
