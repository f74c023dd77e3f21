import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { describeDriverError } from './driver-error';
import { languageOf } from './messages/language';
import { localizeProblem } from './messages/localize-problem';
import { PROBLEM_CONTENT_TYPE, Problem, problemDetails } from './problem-details';
import { problemFor } from './problem-mapping';
import { requestIdOf } from './request-id';
import { maskResidentNumbersInPath } from './resident-registration-number';

const INTERNAL: Problem = {
  status: 500,
  code: 'internal',
  detail: 'An unexpected error occurred. Quote the requestId when reporting it.',
};

/** Every error leaves as application/problem+json; unexpected ones reveal nothing but the request id. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const requestId = requestIdOf(request, response);
    const found = problemFor(error) ?? INTERNAL;
    if (found === INTERNAL) this.logUnexpected(error, requestId);
    const problem = localizeProblem(found, languageOf(request));
    if (response.headersSent) return;
    const body = problemDetails(problem, { instance: maskResidentNumbersInPath(request.originalUrl.split('?')[0]), requestId });
    response.status(problem.status).setHeader('Content-Type', PROBLEM_CONTENT_TYPE);
    if (problem.retryAfterSeconds !== undefined) response.setHeader('Retry-After', String(problem.retryAfterSeconds));
    response.send(JSON.stringify(body));
  }

  /** Driver errors are logged by SQLSTATE only: their message and detail may quote personal data. */
  private logUnexpected(error: unknown, requestId: string): void {
    if (error instanceof QueryFailedError) {
      this.logger.error(`unexpected database error (${describeDriverError(error.driverError)}) [requestId ${requestId}]`);
    } else if (error instanceof Error) {
      this.logger.error(`unexpected ${error.name} [requestId ${requestId}]`, error.stack);
    } else {
      this.logger.error(`unexpected non-error thrown [requestId ${requestId}]`);
    }
  }
}
