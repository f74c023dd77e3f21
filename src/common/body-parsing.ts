import { HttpException } from '@nestjs/common';
import { json } from 'express';
import type { NextFunction, Request, RequestHandler, Response } from 'express';

/**
 * JSON body parsing whose failures reach the exception filter with body-parser's error as
 * `cause` (Nest would otherwise reduce a malformed body to a bare 400 message), so the filter
 * can answer `request.malformed_json` or `request.too_large`.
 */
export function jsonBodyParser(limit: string): RequestHandler {
  const parse = json({ limit });
  return (request: Request, response: Response, next: NextFunction) =>
    parse(request, response, (error?: unknown) => {
      if (!error) return next();
      const status = typeof (error as { status?: unknown }).status === 'number' ? (error as { status: number }).status : 400;
      next(new HttpException('The request body could not be read.', status, { cause: error }));
    });
}
