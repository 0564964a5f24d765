import type { Metrics } from '@serviceops/platform';
import type { HttpRequest, HttpResponse, NextFunction } from './http.types';

/** A few headers every answer carries; the API's JSON answers are never cached. */
export function securityHeaders(req: HttpRequest, res: HttpResponse, next: NextFunction): void {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Referrer-Policy', 'no-referrer');
  if (req.path.startsWith('/api/v1/')) res.setHeader('Cache-Control', 'no-store');
  next();
}

/** The route template a request matched (`/api/v1/customers/:id`), so metrics stay low-cardinality. */
export function routeOf(req: HttpRequest): string {
  const path = req.route?.path;
  return typeof path === 'string' ? `${req.baseUrl ?? ''}${path}` : 'unmatched';
}

/** `serviceops_http_request_duration_seconds` by method, route and status, for every answer. */
export function requestMetrics(metrics: Metrics) {
  return (req: HttpRequest, res: HttpResponse, next: NextFunction): void => {
    const end = metrics.httpRequests.startTimer();
    res.once('finish', () =>
      end({ method: req.method, route: routeOf(req), status: String(res.statusCode) }),
    );
    next();
  };
}
