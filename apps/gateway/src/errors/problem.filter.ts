import { Catch, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Problem } from '@serviceops/platform';
import type { Logger } from 'pino';
import type { HttpRequest, HttpResponse } from '../http/http.types';
import { problemOf, ProblemResponse } from './problems';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

export function writeProblem(res: HttpResponse, problem: Problem): void {
  res.statusCode = problem.status;
  res.setHeader('Content-Type', PROBLEM_CONTENT_TYPE);
  if (problem.status === 401) res.setHeader('WWW-Authenticate', 'Bearer realm="serviceops"');
  res.end(JSON.stringify(problem));
}

/**
 * Every HTTP error, from any layer (body parser, unknown route, guards, pipes, handlers, upstream), answers
 * `application/problem+json`. Errors without a code are logged here and answered as a bare 500.
 */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  constructor(private readonly logger: Logger) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const req = http.getRequest<HttpRequest>();
    const res = http.getResponse<HttpResponse>();
    const problem = problemOf(error);
    if (problem.status >= 500 && !(error instanceof ProblemResponse))
      this.logger.error(
        { err: error, method: req.method, url: req.originalUrl, correlationId: req.correlationId },
        'request failed',
      );
    if (res.headersSent) {
      res.end();
      return;
    }
    writeProblem(res, problem);
  }
}
