import type { HttpRequest } from '../http/http.types';
import type { CallContext } from '@serviceops/platform';
import type { AccessClaims } from './jwt';

/**
 * A request as the access guard leaves it. The claims are access's business, so http/ (which access builds on)
 * does not know them.
 */
export interface AccessRequest extends HttpRequest {
  /** Set by the access guard once the bearer token checked out. */
  claims?: AccessClaims;
  /** Who calls and why, from the claims and headers: made once per request (callContextOfRequest). */
  callContext?: CallContext;
}
