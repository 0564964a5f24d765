import type { HttpRequest } from '../http/http.types';
import type { AccessClaims } from './jwt';

/**
 * A request as the access guard leaves it. The claims are access's business, so http/ (which access builds on)
 * does not know them.
 */
export interface AccessRequest extends HttpRequest {
  /** Set by the access guard once the bearer token checked out. */
  claims?: AccessClaims;
}
