import {
  applyDecorators,
  HttpCode,
  RequestMapping,
  RequestMethod,
  SetMetadata,
  UseInterceptors,
  type Type,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiExtraModels,
  ApiHeader,
  ApiOperation,
  ApiParam,
  ApiResponse,
  getSchemaPath,
} from '@nestjs/swagger';
import { AccessOf, ANSWER_METADATA, RPC_METADATA } from '../access/access.decorators';
import { declarationOf, ON_BEHALF_ACTORS } from '@serviceops/contracts';
import { httpStatusOfCode } from '@serviceops/platform';
import { accessOf, ANY_ROLE, PUBLIC, type Rpc } from '../access/access.table';
import { IDEMPOTENCY_KEY, PURPOSE } from '../access/caller';
import { IF_MATCH_PATTERN } from '../http/if-match';
import { IdempotencyInterceptor } from '../idempotency/idempotency.interceptor';
import { ProblemView } from './problem.view';

export interface EndpointOptions {
  /** The answer's view class (its OpenAPI schema). */
  readonly type: Type<unknown>;
}

export { RPC_METADATA } from '../access/access.decorators';

/** What a replay answers, said where Idempotency-Key is described. */
export const REPLAY_NOTE =
  'A replayed answer carries ids and versions; personal fields (`x-personal-data: true`) and secrets (`x-secret`) are left out (lists of them empty) — read the resource for them.';

const PROBLEMS: Readonly<Record<number, string>> = {
  400: 'Invalid input: malformed JSON, unknown or invalid fields (see `errors`), bad headers',
  401: 'No token, or an invalid or expired one',
  403: 'The token lacks the roles this needs',
  404: 'Not found (or another tenant’s)',
  409: 'Conflict: stale If-Match version, a rule about the current state, or an idempotent request in progress',
  413: 'The request body is too large',
  422: 'A business rule refused the command',
  429: 'Rate limited: retry after Retry-After seconds',
  503: 'A backing service is unavailable',
};

/** A problem's description with the codes the method declares under its status. */
function withCodes(description: string, codes: readonly string[]): string {
  return codes.length === 0
    ? description
    : `${description}. Codes: ${codes.map((c) => `\`${c}\``).join(', ')}`;
}

const RESPONSE_HEADERS = {
  'x-correlation-id': {
    description: 'The platform’s correlation id for the request (always generated: quote it to support)',
    schema: { type: 'string' },
  },
  'x-client-correlation-id': {
    description: 'Your X-Correlation-Id, echoed when it was sane; recorded beside ours, never used to link',
    schema: { type: 'string' },
  },
  traceparent: { description: 'W3C trace context of the request', schema: { type: 'string' } },
};

/**
 * One route: its mapping, status, access rule (from the RPC table) and OpenAPI description, from one place so
 * the spec cannot forget a route's problems, headers or security.
 */
/** What any public route may answer (no token, so no 403 for roles, no 404, 409 or 422 of its own). */
const PUBLIC_PROBLEMS = [400, 401, 413, 429, 503];

export function Endpoint(rpc: Rpc, { type }: EndpointOptions): MethodDecorator {
  const { http, summary, errors = [] } = declarationOf(rpc);
  const options = { ...http, rpc, summary, type };
  const access = accessOf(rpc);
  const authenticated = access !== PUBLIC;
  const idempotent = authenticated && options.method === 'POST';
  const problems = (
    authenticated
      ? [400, 401, 403, 404, 409, 413, 422, 429, 503]
      : // A public route's other problems are its declared codes' (activation: a common password, 422).
        [...new Set([...PUBLIC_PROBLEMS, ...errors.map(httpStatusOfCode)])].sort((a, b) => a - b)
  ).filter((status) => status !== 413 || options.method !== 'GET');
  const roles =
    access === PUBLIC ? 'Public.' : access === ANY_ROLE ? 'Any role.' : `Roles: ${access.join(', ')}.`;
  const headers: Record<string, { description: string; schema: { type: string } }> = { ...RESPONSE_HEADERS };
  if (options.etag)
    headers['ETag'] = { description: 'The resource’s version, quoted: "3"', schema: { type: 'string' } };
  if (options.location)
    headers['Location'] = { description: 'URL of the new resource', schema: { type: 'string' } };
  if (idempotent)
    headers['Idempotent-Replayed'] = {
      description: `\`true\` when this is a kept answer replayed. ${REPLAY_NOTE}`,
      schema: { type: 'string' },
    };

  return applyDecorators(
    RequestMapping({ path: options.path, method: RequestMethod[options.method] }),
    HttpCode(options.status),
    AccessOf(options.rpc),
    SetMetadata(RPC_METADATA, options.rpc),
    SetMetadata(ANSWER_METADATA, type),
    // Idempotency-Key is honoured on an authenticated POST, and only there is its interceptor mounted.
    ...(idempotent ? [UseInterceptors(IdempotencyInterceptor)] : []),
    ApiExtraModels(ProblemView),
    ApiOperation({
      summary: options.summary,
      description: roles,
      operationId: options.rpc.replace('.', '_'),
    }),
    ApiResponse({ status: options.status, description: 'OK', type: options.type, headers }),
    ...problems.map((status) =>
      ApiResponse({
        status,
        description: withCodes(
          // A public route has no token to lack roles: its 403 is a refusal its codes name.
          (authenticated || status !== 403 ? PROBLEMS[status] : 'Refused') ?? 'Problem',
          errors.filter((code) => httpStatusOfCode(code) === status),
        ),
        content: { 'application/problem+json': { schema: { $ref: getSchemaPath(ProblemView) } } },
        headers: RESPONSE_HEADERS,
      }),
    ),
    ...(options.uuidParams ?? []).map((name) => ApiParam({ name, type: 'string', format: 'uuid' })),
    ...Object.entries(options.ruleParams ?? {}).map(([name, rule]) =>
      ApiParam({ name, schema: { ...rule.schema }, description: rule.message }),
    ),
    ApiHeader({
      name: 'X-Correlation-Id',
      required: false,
      description:
        'Your own correlation id (≤ 128 of [A-Za-z0-9._:-]): recorded as clientCorrelationId, echoed in ' +
        'X-Client-Correlation-Id; the platform’s X-Correlation-Id is always its own',
      schema: { type: 'string' },
    }),
    ...(authenticated
      ? [
          ApiBearerAuth(),
          ApiHeader({
            name: 'X-On-Behalf-Of',
            required: false,
            description:
              'Id (UUID) of an active user of your tenant this is done for, recorded with the events; only ' +
              `for the roles ${ON_BEHALF_ACTORS.join(', ')} (else 403 ACCESS.ON_BEHALF_OF_REFUSED)`,
            schema: { type: 'string', format: 'uuid' },
          }),
        ]
      : []),
    ...(options.purpose
      ? [
          ApiHeader({
            name: 'X-Purpose',
            required: false,
            description: 'Why personal data is read; recorded',
            schema: PURPOSE.schema,
          }),
        ]
      : []),
    ...(options.ifMatch
      ? [
          ApiHeader({
            name: 'If-Match',
            required: false,
            description: 'The version you last saw ("3"); a stale one answers 409',
            schema: { type: 'string', pattern: IF_MATCH_PATTERN },
          }),
        ]
      : []),
    ...(idempotent
      ? [
          ApiHeader({
            name: 'Idempotency-Key',
            required: false,
            description:
              'Up to 200 printable characters; a retry with the same key gets the first answer (24 h), ' +
              `marked \`Idempotent-Replayed: true\`. ${REPLAY_NOTE}`,
            schema: { type: 'string', pattern: IDEMPOTENCY_KEY.source },
          }),
        ]
      : []),
  );
}
