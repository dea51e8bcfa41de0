import type { NextFunction, Request, Response } from 'express';
import { bodyRefusal, sendGraphqlError } from '@aftercare/http-server';

/**
 * The last middleware: body-parser failures become 4xx JSON with a stable code, anything else is a masked
 * 500 with the request id (the error itself goes to the log). Never a stack trace or a server path.
 */
export function jsonErrorHandler(log: (message: string, fields: Record<string, unknown>) => void) {
  return (error: unknown, req: Request, res: Response, _next: NextFunction): void => {
    const refusal = bodyRefusal(error);
    if (refusal) {
      sendGraphqlError(res, ...refusal);
      return;
    }
    const requestId = res.locals['requestId'] as string | undefined;
    log('unhandled error at the edge', { error, requestId, path: req.path });
    sendGraphqlError(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error', requestId ? { requestId } : {});
  };
}
