import {
  Metadata,
  Server,
  ServerCredentials,
  type ServerUnaryCall,
  type sendUnaryData,
  type UntypedServiceImplementation,
} from '@grpc/grpc-js';
import { type GrpcServiceName } from '@serviceops/contracts';
import {
  GrpcStatus,
  problemFromGrpcDetails,
  problemOfGrpcError,
  ProblemError,
  toGrpcError,
  type CallContext,
} from '@serviceops/platform';
import type { Logger } from 'pino';
import type { AccessTokens } from '../access/access-tokens';
import type { UserGate } from '../access/user-gate';
import { clientAddress } from '../access/rate-limit';
import { activationAttempt, refreshAttempt, type LoginThrottle } from '../auth/login-throttle';
import { accessOfMethod, allows, ANY_ROLE, PUBLIC, type Rpc } from '../access/access.table';
import { forbidden } from '../access/access.guard';
import { callContextOf } from '../access/caller';
import { validateInput } from '../errors/validation';
import { grpcRequestDtoOf } from './grpc-requests';
import { answerClassOf } from '../routes/mount';
import { CLIENT_CORRELATION_HEADER, newCorrelationId, sanitiseCorrelationId } from '../http/correlation';
import { parseIdempotencyKey, requestHash } from '../idempotency/idempotency-key';
import { REPLAYED_HEADER } from '../idempotency/idempotency.interceptor';
import type { IdempotencyStore } from '../idempotency/idempotency.store';
import { plainMessage, publicServiceDefinitionOf, SERVICE_NAMES } from '../upstream/protos';
import type { Upstream } from '../upstream/upstream';

export interface PublicGrpcDeps {
  readonly upstream: Upstream;
  readonly tokens: AccessTokens;
  readonly users: UserGate;
  readonly logger: Logger;
  readonly idempotency: IdempotencyStore;
  /** Takes the call from its client's budget (shared with REST); throws RATE_LIMITED over it. */
  readonly rateLimit: (call: object, authorization: unknown, peer: string) => Promise<void>;
  readonly logins: LoginThrottle;
}

/** Reads are safe to repeat; every other method is a command that an `idempotency-key` makes act once. */
const READ_METHOD = /^(Get|List|Authenticate)/;

/** Methods whose answer names a user to sign an access token for (sent in the `authorization` metadata). */
const SIGNS_IN: ReadonlySet<Rpc> = new Set([
  'tenancy.Authenticate',
  'tenancy.ActivateUser',
  'tenancy.RefreshAccessToken',
]);

interface GrpcFailure {
  readonly code: number;
  readonly details: string;
  readonly metadata?: Metadata;
}

/**
 * The public gRPC API: the backing services' own protos, each unary method forwarded as it is after the same
 * checks as REST (bearer token, role table, DTO validation). The caller's identity travels upstream in an
 * internal token signed from the bearer token's claims, never from the caller's metadata.
 */
export function createPublicGrpcServer(deps: PublicGrpcDeps): Server {
  const server = new Server();
  for (const service of SERVICE_NAMES) {
    const definition = publicServiceDefinitionOf(service);
    // A service that declares no method yet (just generated) is left out: gRPC refuses an empty service.
    if (Object.keys(definition).length === 0) continue;
    const implementation: UntypedServiceImplementation = {};
    for (const method of Object.keys(definition)) implementation[method] = forwarder(deps, service, method);
    server.addService(definition, implementation);
  }
  return server;
}

export function bindPublicGrpcServer(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.bindAsync(`0.0.0.0:${port}`, ServerCredentials.createInsecure(), (error, bound) =>
      error ? reject(error) : resolve(bound),
    );
  });
}

/** Stops taking calls, lets running ones finish for up to `graceMs`, then cuts them. */
export function shutdownPublicGrpcServer(server: Server, graceMs = 5_000): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      server.forceShutdown();
      resolve();
    }, graceMs);
    server.tryShutdown(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}

function forwarder(deps: PublicGrpcDeps, service: GrpcServiceName, method: string) {
  const rpc = `${service}.${method}` as Rpc;
  return (call: ServerUnaryCall<unknown, unknown>, callback: sendUnaryData<unknown>): void => {
    // Ours, always; the caller's x-correlation-id is kept beside it (see correlationMiddleware).
    const correlationId = newCorrelationId();
    const clientCorrelationId = sanitiseCorrelationId(first(call.metadata, 'x-correlation-id'));
    const answer = new Metadata();
    answer.set('x-correlation-id', correlationId);
    if (clientCorrelationId) answer.set(CLIENT_CORRELATION_HEADER.toLowerCase(), clientCorrelationId);
    forward(deps, service, method, rpc, call, correlationId, answer).then(
      (reply) => {
        call.sendMetadata(answer);
        callback(null, reply);
      },
      (error: unknown) => {
        const failure = failureOf(error);
        if (failure.code === GrpcStatus.INTERNAL)
          deps.logger.error({ err: error, rpc, correlationId }, 'gRPC call failed');
        const retryAfter = retryAfterOf(error);
        if (retryAfter !== undefined) answer.set('retry-after', String(retryAfter));
        call.sendMetadata(answer);
        callback(failure);
      },
    );
  };
}

async function forward(
  deps: PublicGrpcDeps,
  service: GrpcServiceName,
  method: string,
  rpc: Rpc,
  call: ServerUnaryCall<unknown, unknown>,
  correlationId: string,
  answer: Metadata,
): Promise<unknown> {
  await deps.rateLimit(call, first(call.metadata, 'authorization'), call.getPeer());
  const access = accessOfMethod(service, method);
  if (access === undefined) throw new ProblemError('FORBIDDEN', `${rpc} is not open to callers`);
  let caller: CallContext | undefined;
  if (access !== PUBLIC) {
    const claims = await deps.tokens.verify(first(call.metadata, 'authorization'));
    caller = callContextOf(claims, {
      correlationId,
      clientCorrelationId: first(call.metadata, 'x-correlation-id'),
      idempotencyKey: first(call.metadata, 'idempotency-key'),
      onBehalfOf: first(call.metadata, 'x-on-behalf-of'),
      purpose: first(call.metadata, 'x-purpose'),
    });
    // As over REST (access.guard): a revoked token first, then roles, then whom the caller acts for.
    await deps.users.assertCurrent(claims, caller);
    if (access !== ANY_ROLE && !allows(access, claims.roles)) throw forbidden(access);
    await deps.users.assertMayActFor(caller);
  }
  const dto = grpcRequestDtoOf(rpc);
  if (dto) await validateInput(dto, plainMessage(call.request));
  const key = first(call.metadata, 'idempotency-key');
  const reply =
    rpc === 'tenancy.Authenticate'
      ? await login(deps, call)
      : rpc === 'tenancy.ActivateUser'
        ? await activate(deps, call)
        : rpc === 'tenancy.RefreshAccessToken'
          ? await refresh(deps, call)
          : key !== undefined && caller !== undefined && !READ_METHOD.test(method)
            ? await once(
                deps.idempotency,
                {
                  tenantId: caller.tenantId,
                  actorId: caller.actorId,
                  key: parseIdempotencyKey(key),
                  rpc,
                  request: call.request,
                },
                () => deps.upstream.invoke(service, method, call.request, caller),
                () => answer.set(REPLAYED_HEADER.toLowerCase(), 'true'),
              )
            : await deps.upstream.invoke(service, method, call.request, caller);
  if (SIGNS_IN.has(rpc)) {
    // gRPC callers get their token here, in the answer's metadata, as REST callers get it from /auth/token
    // (and /auth/activate, /auth/refresh); the refresh token is in the answer itself.
    const user = plainMessage(reply) as {
      userId: string;
      tenantId: string;
      username: string;
      roles: string[];
      tokenVersion?: number;
    };
    answer.set('authorization', `Bearer ${(await deps.tokens.issue(user)).accessToken}`);
  }
  return reply;
}

/** A login, counted per account and client like REST's: a locked one is refused before tenancy is asked. */
function login(deps: PublicGrpcDeps, call: ServerUnaryCall<unknown, unknown>): Promise<unknown> {
  const { username, tenantId } = plainMessage(call.request) as { username?: unknown; tenantId?: unknown };
  return deps.logins.attempt(
    {
      username: typeof username === 'string' ? username : '',
      tenantId: typeof tenantId === 'string' && tenantId !== '' ? tenantId : undefined,
      client: clientAddress(call.getPeer()),
    },
    () => deps.upstream.invoke('tenancy', 'Authenticate', call.request, undefined),
  );
}

/** An activation, counted like a login (per invitation and client): a locked one is refused before tenancy is asked. */
function activate(deps: PublicGrpcDeps, call: ServerUnaryCall<unknown, unknown>): Promise<unknown> {
  const { token } = plainMessage(call.request) as { token?: unknown };
  return deps.logins.attempt(
    activationAttempt(typeof token === 'string' ? token : '', clientAddress(call.getPeer())),
    () => deps.upstream.invoke('tenancy', 'ActivateUser', call.request, undefined),
  );
}

/** A refresh, counted like a login (per token and client): a locked client is refused before tenancy is asked. */
function refresh(deps: PublicGrpcDeps, call: ServerUnaryCall<unknown, unknown>): Promise<unknown> {
  const { refreshToken } = plainMessage(call.request) as { refreshToken?: unknown };
  return deps.logins.attempt(
    refreshAttempt(typeof refreshToken === 'string' ? refreshToken : '', clientAddress(call.getPeer())),
    () => deps.upstream.invoke('tenancy', 'RefreshAccessToken', call.request, undefined),
  );
}

/** When a refusal says to retry (rate limit, locked login): sent as `retry-after` metadata, in seconds. */
function retryAfterOf(error: unknown): number | undefined {
  if (!(error instanceof ProblemError)) return undefined;
  const retryAfter = error.extensions['retryAfter'];
  return typeof retryAfter === 'number' ? retryAfter : undefined;
}

/**
 * A command with an `idempotency-key` acts once, as over REST (same store, same rules): a retry gets the first
 * reply as it was kept (ids and versions; personal fields left out), marked `idempotent-replayed: true`; a
 * concurrent duplicate, or the key reused for another request, is refused. Failed attempts are not kept, so a
 * retry after a failure acts again.
 */
async function once(
  store: IdempotencyStore,
  command: { tenantId: string; actorId: string; key: string; rpc: Rpc; request: unknown },
  act: () => Promise<unknown>,
  replayed: () => void,
): Promise<unknown> {
  const request = {
    tenantId: command.tenantId,
    actorId: command.actorId,
    key: command.key,
    method: 'GRPC',
    path: command.rpc,
    requestHash: requestHash(plainMessage(command.request), undefined),
    view: answerClassOf(command.rpc),
  };
  const claim = await store.claim(request);
  switch (claim.kind) {
    case 'answered':
      replayed();
      return JSON.parse(claim.answer.body) as unknown;
    case 'in-progress':
      throw new ProblemError('IDEMPOTENCY.IN_PROGRESS', 'a request with this idempotency key is in progress');
    case 'reused':
      throw new ProblemError('IDEMPOTENCY.KEY_REUSED', 'this idempotency key was used for another request');
    case 'claimed':
      try {
        const reply = await act();
        await store.complete(request, claim.owner, { status: 200, headers: {}, body: JSON.stringify(reply) });
        return reply;
      } catch (error) {
        await store.release(request, claim.owner);
        throw error;
      }
  }
}

/**
 * What the caller gets: an upstream failure that carries a problem keeps its status and details; one that
 * does not (unreachable, timed out) becomes the problem the REST API would answer; ours map as everywhere.
 */
function failureOf(error: unknown): GrpcFailure {
  if (isServiceError(error)) {
    if (problemFromGrpcDetails(error.details)) return { code: error.code, details: error.details };
    const problem = problemOfGrpcError(error);
    return toGrpcError(new ProblemError(problem.code, problem.detail));
  }
  return toGrpcError(error);
}

function isServiceError(error: unknown): error is Error & { code: number; details: string } {
  return (
    error instanceof Error &&
    'code' in error &&
    typeof error.code === 'number' &&
    'details' in error &&
    typeof error.details === 'string'
  );
}

function first(metadata: Metadata, key: string): string | undefined {
  const value = metadata.get(key)[0];
  return typeof value === 'string' ? value : undefined;
}
