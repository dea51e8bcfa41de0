import { ApolloServer } from '@apollo/server';
import express from 'express';
import { answerGraphqlRequest } from './apollo-http';
import { listen, ListeningServer } from './listen';

interface Caller {
  name: string;
}

describe('answerGraphqlRequest', () => {
  let apollo: ApolloServer<Caller>;
  let server: ListeningServer;
  let url: string;

  beforeAll(async () => {
    apollo = new ApolloServer<Caller>({
      typeDefs: 'type Query { hello(to: String): String! whoAmI: String! }',
      resolvers: {
        Query: {
          hello: (_root: unknown, { to }: { to?: string }) => `hello ${to ?? 'you'}`,
          whoAmI: (_root: unknown, _args: unknown, caller: Caller) => caller.name,
        },
      },
      stringifyResult: JSON.stringify,
    });
    await apollo.start();
    const parseJson = express.json();
    server = await listen(
      (req, res) =>
        parseJson(req as express.Request, res as express.Response, () => {
          answerGraphqlRequest(apollo, req, res, async () => ({ name: String(req.headers['x-caller'] ?? 'nobody') })).catch(() => res.end());
        }),
      '127.0.0.1',
      0,
    );
    url = `http://127.0.0.1:${server.port}/graphql`;
  });

  afterAll(async () => {
    await server.close(100);
    await apollo.stop();
  });

  it('answers a POST with its variables and the context made for it, as JSON without an ETag', async () => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-caller': 'li.na' },
      body: JSON.stringify({ query: 'query ($to: String) { hello(to: $to) whoAmI }', variables: { to: 'dispatch' } }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.headers.get('etag')).toBeNull();
    expect(await response.text()).toBe('{"data":{"hello":"hello dispatch","whoAmI":"li.na"}}');
  });

  it('reads a GET query from the query string', async () => {
    const response = await fetch(`${url}?query=${encodeURIComponent('{ hello(to: "sales") }')}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { hello: 'hello sales' } });
  });

  it('passes on the status Apollo chose: a document that does not parse is a 400', async () => {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ hello(' }) });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('GRAPHQL_PARSE_FAILED');
  });
});
