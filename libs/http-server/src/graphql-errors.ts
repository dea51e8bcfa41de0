import type { ServerResponse } from 'node:http';

/** A GraphQL-over-HTTP error body: what every refusal before GraphQL looks like, never HTML. */
export function sendGraphqlError(res: ServerResponse, status: number, code: string, message: string, extensions: Record<string, unknown> = {}): void {
  if (res.headersSent) return;
  res.statusCode = status;
  res.setHeader('content-type', 'application/graphql-response+json; charset=utf-8');
  res.end(JSON.stringify({ errors: [{ message, extensions: { ...extensions, code } }] }));
}

interface HttpError {
  status?: number;
  statusCode?: number;
  type?: string;
}

const BODY_PARSER_REFUSALS: Record<string, [number, string, string]> = {
  'entity.too.large': [413, 'PAYLOAD_TOO_LARGE', 'The request body is too large'],
  'entity.parse.failed': [400, 'BAD_REQUEST', 'The request body is not valid JSON'],
  'encoding.unsupported': [415, 'UNSUPPORTED_MEDIA_TYPE', 'Unsupported content encoding'],
  'charset.unsupported': [415, 'UNSUPPORTED_MEDIA_TYPE', 'Unsupported charset'],
  'request.aborted': [400, 'BAD_REQUEST', 'The request was aborted'],
  'request.size.invalid': [400, 'BAD_REQUEST', 'The request body does not match its Content-Length'],
  'stream.encoding.set': [400, 'BAD_REQUEST', 'Malformed request body'],
};

/**
 * The status, code and message a client gets for a request body body-parser refused (too large, not JSON, …), any
 * other 4xx it raised as a plain BAD_REQUEST; undefined for what is not the client's fault.
 */
export function bodyRefusal(error: unknown): [status: number, code: string, message: string] | undefined {
  const httpError = (error ?? {}) as HttpError;
  const known = httpError.type ? BODY_PARSER_REFUSALS[httpError.type] : undefined;
  if (known) return known;
  const status = httpError.status ?? httpError.statusCode ?? 500;
  return status >= 400 && status < 500 ? [status, 'BAD_REQUEST', 'Malformed request'] : undefined;
}
