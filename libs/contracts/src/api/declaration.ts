import type { StringRule } from '@serviceops/kernel';
import type { Access } from './access';

/** How a method is reached over REST (under /api/v1). */
export interface HttpRoute {
  readonly method: 'GET' | 'POST' | 'PUT';
  /** Full path under the API prefix, Express-style parameters: `customers/:id/merge`. */
  readonly path: string;
  readonly status: 200 | 201;
  /** Path parameters that are UUIDs. */
  readonly uuidParams?: readonly string[];
  /** Path parameters that follow a rule (`{ period: STAFF_FIELDS.assessmentPeriod }`): checked and stated in OpenAPI. */
  readonly ruleParams?: Readonly<Record<string, StringRule>>;
  /** The gRPC request field a path parameter travels in, where the two are not named alike (`{ id: 'userId' }`). */
  readonly paramFields?: Readonly<Record<string, string>>;
  /**
   * The gRPC request field the REST body travels in, where the body is one field of the request rather than its
   * fields (grpc-gateway's `body: "calendar"`): `PUT /tenant/calendar` takes the calendar itself.
   */
  readonly bodyField?: string;
  /** The answer carries the resource's version as ETag. */
  readonly etag?: boolean;
  /** The route takes `If-Match` (a conditional write). */
  readonly ifMatch?: boolean;
  /** The answer carries the new resource's URL. */
  readonly location?: boolean;
  /** The route reads personal data: X-Purpose says why. */
  readonly purpose?: boolean;
}

/**
 * One method of the published API, stated once: its REST route, who may call it, what it does. The gRPC method
 * is the key it is declared under (`customers.RegisterCustomer`), its messages are in the service's `.proto`.
 * The gateway mounts routes, checks roles and writes OpenAPI from these; tests iterate them.
 */
export interface Declaration {
  readonly http: HttpRoute;
  readonly access: Access;
  readonly summary: string;
  /**
   * The answer may carry personal data (informational). What a kept (idempotent) answer leaves out is not read
   * from here but from the answer's view class, where each field is marked (`@Personal()`, apps/gateway
   * http/personal.ts).
   */
  readonly personalData?: boolean;
  /**
   * The problem codes of its own service (`CUSTOMERS.…`) the method may answer, each under the status its code
   * takes: listed in its OpenAPI responses, and checked by the e2e suites against every code it answered there.
   * The platform's own codes (validation, authentication, access, rate limits, stale versions, idempotency) are
   * not listed, but by a public route that answers one itself (a login's disabled tenant: no token, so the gateway's
   * checks do not run); a public route's problems beyond a login's derive from this list. Absent: not stated yet
   * (nothing listed, nothing checked).
   */
  readonly errors?: readonly string[];
}
