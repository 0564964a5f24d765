import { Catch, NotFoundException, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Problem } from '@serviceops/platform';
import type { Logger } from 'pino';
import type { RouteTable } from '../http/allowed-methods';
import type { HttpRequest, HttpResponse } from '../http/http.types';
import { methodNotAllowed, problemOf, ProblemResponse } from './problems';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

export function writeProblem(res: HttpResponse, problem: Problem): void {
  res.statusCode = problem.status;
  res.setHeader('Content-Type', PROBLEM_CONTENT_TYPE);
  if (problem.status === 401) res.setHeader('WWW-Authenticate', 'Bearer realm="serviceops"');
  // A problem that says when to retry (a locked login) says it in the header too.
  if (typeof problem['retryAfter'] === 'number') res.setHeader('Retry-After', String(problem['retryAfter']));
  res.end(JSON.stringify(problem));
}

/**
 * Every HTTP error, from any layer (body parser, unknown route, guards, pipes, handlers, upstream), answers
 * `application/problem+json`. Errors without a code are logged here and answered as a bare 500.
 * A request no route took whose path exists with other methods answers 405 with `Allow` (OPTIONS: 204 with
 * `Allow`); an unknown path stays 404.
 */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  constructor(
    private readonly logger: Logger,
    private readonly routes?: RouteTable,
  ) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const req = http.getRequest<HttpRequest>();
    const res = http.getResponse<HttpResponse>();
    const allowed =
      error instanceof NotFoundException && this.routes ? this.routes.allowedMethods(req.path) : [];
    if (allowed.length > 0 && !res.headersSent) {
      if (req.method === 'OPTIONS') {
        res.statusCode = 204;
        res.setHeader('Allow', allowed.join(', '));
        res.end();
        return;
      }
      // A 404 on a route that exists with this very method is the handler's own: left as it is.
      if (!allowed.includes(req.method)) {
        res.setHeader('Allow', allowed.join(', '));
        writeProblem(res, methodNotAllowed(req.method, allowed));
        return;
      }
    }
    const problem = problemOf(error);
    if (problem.status >= 500 && !(error instanceof ProblemResponse))
      this.logger.error(
        { err: error, method: req.method, url: req.originalUrl, correlationId: req.correlationId },
        'request failed',
      );
    else if (problem.status < 500)
      // The route's template and the code, never the request's values: what was refused, not about whom.
      this.logger.info(
        {
          method: req.method,
          route: typeof req.route?.path === 'string' ? req.route.path : undefined,
          code: problem.code,
          status: problem.status,
          correlationId: req.correlationId,
        },
        'request refused',
      );
    if (res.headersSent) {
      res.end();
      return;
    }
    writeProblem(res, problem);
  }
}
