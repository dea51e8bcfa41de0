import { ApolloServer, BaseContext, HeaderMap } from '@apollo/server';
import express from 'express';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { bodyRefusal, sendGraphqlError } from '@aftercare/http-server';

type Request = IncomingMessage & { body?: unknown };
/** Runs after the body is parsed and before the operation (tracing, request metrics); calls `next` to go on. */
export type GraphqlMiddleware = (req: Request, res: ServerResponse, next: () => void) => void;

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
  const parseJson = express.json({ limit: options.maxBodyBytes }) as unknown as (req: Request, res: ServerResponse, next: (error?: unknown) => void) => void;
  const answer = async (req: Request, res: ServerResponse): Promise<void> => {
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    const queryAt = req.url!.indexOf('?');
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method!.toUpperCase(), headers, search: queryAt < 0 ? '' : req.url!.slice(queryAt), body: req.body },
      context: () => options.context(req),
    });
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  };
  const failed = (res: ServerResponse) => sendGraphqlError(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
  const { middleware } = options;
  const run = (index: number, req: Request, res: ServerResponse): void => {
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
  return (req: Request, res: ServerResponse): void => {
    parseJson(req, res, (error) => {
      if (error === undefined) return run(0, req, res);
      sendGraphqlError(res, ...(bodyRefusal(error) ?? [500, 'INTERNAL_SERVER_ERROR', 'Internal server error']));
    });
  };
}
