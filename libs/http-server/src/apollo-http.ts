import type { ApolloServer, BaseContext } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** A request whose body an earlier step has parsed (body-parser's JSON), or undefined for GET. */
export type ParsedRequest = IncomingMessage & { body?: unknown };

/**
 * One GraphQL request over Node's own request and response, into Apollo Server and back: what Apollo's Express
 * integration does, without `res.send` (Express hashes every answer into an ETag nobody revalidates a POST with)
 * and without a full URL parse per request to find the query string. The gateway and every subgraph answer through it.
 */
export async function answerGraphqlRequest<TContext extends BaseContext>(
  apollo: ApolloServer<TContext>,
  req: ParsedRequest,
  res: ServerResponse,
  context: () => Promise<TContext>,
): Promise<void> {
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  const url = req.url ?? '';
  const queryAt = url.indexOf('?');
  const response = await apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method: (req.method ?? 'GET').toUpperCase(), headers, search: queryAt < 0 ? '' : url.slice(queryAt), body: req.body },
    context,
  });
  for (const [key, value] of response.headers) res.setHeader(key, value);
  res.statusCode = response.status ?? 200;
  if (response.body.kind === 'complete') {
    res.end(response.body.string);
    return;
  }
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}
