import type { NextFunction, Request, Response } from 'express';

/** A GraphQL-over-HTTP error body: what every refusal at the edge looks like, never HTML. */
export function sendGraphqlError(res: Response, status: number, code: string, message: string, extensions: Record<string, unknown> = {}): void {
  if (res.headersSent) return;
  res
    .status(status)
    .type('application/graphql-response+json; charset=utf-8')
    .send(JSON.stringify({ errors: [{ message, extensions: { ...extensions, code } }] }));
}

interface HttpError {
  status?: number;
  statusCode?: number;
  type?: string;
  expose?: boolean;
}

const BODY_PARSER_CODES: Record<string, [number, string, string]> = {
  'entity.too.large': [413, 'PAYLOAD_TOO_LARGE', 'The request body is too large'],
  'entity.parse.failed': [400, 'BAD_REQUEST', 'The request body is not valid JSON'],
  'encoding.unsupported': [415, 'UNSUPPORTED_MEDIA_TYPE', 'Unsupported content encoding'],
  'charset.unsupported': [415, 'UNSUPPORTED_MEDIA_TYPE', 'Unsupported charset'],
  'request.aborted': [400, 'BAD_REQUEST', 'The request was aborted'],
  'request.size.invalid': [400, 'BAD_REQUEST', 'The request body does not match its Content-Length'],
  'stream.encoding.set': [400, 'BAD_REQUEST', 'Malformed request body'],
};

/**
 * The last middleware: body-parser failures become 4xx JSON with a stable code, anything else is a masked
 * 500 with the request id (the error itself goes to the log). Never a stack trace or a server path.
 */
export function jsonErrorHandler(log: (message: string, fields: Record<string, unknown>) => void) {
  return (error: unknown, req: Request, res: Response, _next: NextFunction): void => {
    const httpError = (error ?? {}) as HttpError;
    const requestId = res.locals['requestId'] as string | undefined;
    const known = httpError.type ? BODY_PARSER_CODES[httpError.type] : undefined;
    if (known) {
      sendGraphqlError(res, known[0], known[1], known[2]);
      return;
    }
    const status = httpError.status ?? httpError.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      sendGraphqlError(res, status, 'BAD_REQUEST', 'Malformed request');
      return;
    }
    log('unhandled error at the edge', { error, requestId, path: req.path });
    sendGraphqlError(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error', requestId ? { requestId } : {});
  };
}
