import type { ApolloServer, BaseContext } from '@apollo/server';
import express from 'express';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { answerGraphqlRequest, bodyRefusal, ParsedRequest, sendGraphqlError } from '@aftercare/http-server';

/** Runs after the body is parsed and before the operation (tracing, request metrics); calls `next` to go on. */
export type GraphqlMiddleware = (req: ParsedRequest, res: ServerResponse, next: () => void) => void;

export interface GraphqlRouteOptions<TContext extends BaseContext> {
  /** The operation's context from the request; a thrown GraphQLError is answered as Apollo answers it. */
  context: (req: IncomingMessage) => Promise<TContext>;
  middleware: GraphqlMiddleware[];
  /** Bodies above this are refused (413). */
  maxBodyBytes: number;
}

/**
 * POST and GET /graphql straight into Apollo Server, without Express: a subgraph answers hundreds of requests a
 * second for the gateway, and Express's router, its request and response prototypes and `res.send` cost more than
 * the body parsing and the operation's own work on a small request. The body is read by body-parser, as before;
 * what it refuses is answered with a stable code (`bodyRefusal`), never an HTML page.
 */
export function graphqlRoute<TContext extends BaseContext>(apollo: ApolloServer<TContext>, options: GraphqlRouteOptions<TContext>) {
  const parseJson = express.json({ limit: options.maxBodyBytes }) as unknown as (
    req: ParsedRequest,
    res: ServerResponse,
    next: (error?: unknown) => void,
  ) => void;
  const answer = (req: ParsedRequest, res: ServerResponse) => answerGraphqlRequest(apollo, req, res, () => options.context(req));
  const failed = (res: ServerResponse) => sendGraphqlError(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
  const { middleware } = options;
  const run = (index: number, req: ParsedRequest, res: ServerResponse): void => {
    if (index === middleware.length) {
      answer(req, res).catch(() => failed(res));
      return;
    }
    try {
      middleware[index]!(req, res, () => run(index + 1, req, res));
    } catch {
      failed(res);
    }
  };
  return (req: ParsedRequest, res: ServerResponse): void => {
    parseJson(req, res, (error) => {
      if (error === undefined) return run(0, req, res);
      sendGraphqlError(res, ...(bodyRefusal(error) ?? [500, 'INTERNAL_SERVER_ERROR', 'Internal server error']));
    });
  };
}
