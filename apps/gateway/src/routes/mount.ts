import { Body, Controller, Inject, Query, Req, Res, type Type } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { allDeclarations, declarationOf, PUBLIC, type Rpc } from '@serviceops/contracts';
import { RULES } from '@serviceops/kernel';
import { ProblemError } from '@serviceops/platform';
import type { AccessRequest } from '../access/access-request';
import { callContextOfRequest } from '../access/caller';
import { headerOf, type HttpResponse } from '../http/http.types';
import { etagOf, parseIfMatch, withEtag } from '../http/if-match';
import { DEFAULT_PAGE_SIZE, LimitQuery } from '../http/page.query';
import { ExpectedVersion, Follows } from '../http/validators';
import { Endpoint } from '../openapi/endpoint.decorator';
import { IsUUID } from 'class-validator';
import { Upstream } from '../upstream/upstream';

/** What a route hands its RPC: the validated body and query, the path parameters, If-Match's version. */
export interface RouteInput<B = Record<string, unknown>, Q = Record<string, unknown>> {
  readonly params: Readonly<Record<string, string>>;
  readonly body: B;
  readonly query: Q;
  readonly expectedVersion: number | undefined;
}

/**
 * A declared method (libs/contracts api/) bound to its REST shapes: everything else — route, status, roles,
 * headers, OpenAPI — comes from the declaration. `request` and `view` are for the few methods whose gRPC
 * message differs from the REST shapes; by default the request is the path parameters, the query, the body
 * and `expectedVersion` from If-Match, merged, and the answer is the reply as it is.
 */
export interface RouteBinding {
  readonly rpc: Rpc;
  /** The request body's class (validated, and its OpenAPI schema). */
  readonly body?: Type<object>;
  /** The query's class (validated, and its OpenAPI parameters). */
  readonly query?: Type<object>;
  /** The answer's class (its OpenAPI schema). */
  readonly answer: Type<unknown>;
  readonly request?: (input: RouteInput<never, never>) => object;
  readonly view?: (reply: never) => unknown;
  /** The ETag's version, where the answer's `version` is not it (a user's is its tenant's). */
  readonly etag?: (view: never) => number;
  /**
   * The public gRPC request's class, where the message is not the REST shape plus the path's ids and
   * `expectedVersion` (which is derived: see grpcRequestClassOf).
   */
  readonly grpc?: Type<object>;
}

/** Declares a binding with its own types checked, then forgets them (the mount treats all alike). */
export function route<B = Record<string, unknown>, Q = Record<string, unknown>, R = unknown>(binding: {
  readonly rpc: Rpc;
  readonly body?: Type<B & object>;
  readonly query?: Type<Q & object>;
  readonly answer: Type<unknown>;
  readonly request?: (input: RouteInput<B, Q>) => object;
  readonly view?: (reply: R) => unknown;
  readonly etag?: (view: never) => number;
  readonly grpc?: Type<object>;
}): RouteBinding {
  return binding;
}

/** The REST body classes that name their RPCs (`@BodyOf`). */
const BODIES = new Map<Rpc, Type<object>>();

/**
 * Names the RPCs whose REST body this class is: `resourceRoutes` binds each to it, so a command whose route needs
 * nothing else (the common case) is bound by its body class alone, and one without a body by nothing at all.
 */
export function BodyOf(...rpcs: readonly Rpc[]): ClassDecorator {
  return (target) => {
    for (const rpc of rpcs) {
      const bound = BODIES.get(rpc);
      if (bound && bound !== (target as unknown))
        throw new Error(`${rpc} has two body classes: ${bound.name} and ${target.name}`);
      BODIES.set(rpc, target as unknown as Type<object>);
    }
  };
}

/** What every derived route of a resource answers: its view class and the reply → view mapping. */
export interface ResourceDefaults<R = never> {
  /** The answer's class (its OpenAPI schema). */
  readonly answer: Type<unknown>;
  readonly view?: (reply: R) => unknown;
  /** The OpenAPI tag, where it is not the path (`tenancy` for `/tenant`): clients generated per tag keep theirs. */
  readonly tag?: string;
}

/**
 * A resource's routes: those bound by hand (`bindings`: a query, an answer of another shape, a request mapped by
 * hand) and, derived, every other declared write whose path is under `/<tag>`: its body is the class of `bodies` (the
 * resource's DTO module) marked `@BodyOf` its RPC, if any, and its answer the resource's (`defaults`). A new command
 * of the resource is thus its declaration and, if it takes a body, its body class: no line here.
 */
export function resourceRoutes<R>(
  tag: string,
  defaults: ResourceDefaults<R>,
  bodies: Readonly<Record<string, unknown>>,
  bindings: readonly RouteBinding[] = [],
): Type<unknown> {
  // The module's classes are loaded (their @BodyOf ran) by importing it: the argument says which module that is.
  const offered = new Set(Object.values(bodies));
  const bound = new Set(bindings.map((binding) => binding.rpc));
  const derived = derivedRpcs(tag)
    .filter((rpc) => !bound.has(rpc))
    .map((rpc): RouteBinding => {
      const body = BODIES.get(rpc);
      if (body && !offered.has(body))
        throw new Error(`${rpc}'s body class ${body.name} is not one of the ${tag} resource's`);
      return {
        rpc,
        ...(body ? { body } : {}),
        answer: defaults.answer,
        ...(defaults.view ? { view: defaults.view } : {}),
      };
    });
  return controllerOf(defaults.tag ?? tag, [...bindings, ...derived]);
}

/** The declared writes of a resource: every method but GET whose path is `<tag>` or under `<tag>/`. */
export function derivedRpcs(tag: string): Rpc[] {
  return allDeclarations()
    .filter(({ declaration: { http } }) => http.method !== 'GET')
    .filter(({ declaration: { http } }) => http.path === tag || http.path.startsWith(`${tag}/`))
    .map(({ rpc }) => rpc);
}

/** Every binding mounted, by its RPC: the public gRPC API validates with the same classes. */
const BOUND = new Map<Rpc, RouteBinding>();
const GRPC_CLASSES = new Map<Rpc, Type<object>>();

/** The answer's view class of a bound RPC: what its reply holds, each field classified (http/personal.ts). */
export function answerClassOf(rpc: Rpc): Type<unknown> | undefined {
  return BOUND.get(rpc)?.answer;
}

/**
 * The class a public gRPC request of `rpc` is validated with: the binding's own, or the REST body's (else the
 * query's) class with the path's UUIDs and, for a conditional write, `expectedVersion` (If-Match over REST).
 * Undefined for an RPC no route binds, and for a request that carries nothing.
 */
export function grpcRequestClassOf(rpc: Rpc): Type<object> | undefined {
  const binding = BOUND.get(rpc);
  if (!binding) return undefined;
  if (binding.grpc) return binding.grpc;
  const known = GRPC_CLASSES.get(rpc);
  if (known) return known;
  const { http } = declarationOf(rpc);
  // A request with nothing in it (GetTenant, ListUsers): nothing to check, as class-validator wants rules.
  const ruleParams = Object.entries(http.ruleParams ?? {});
  if (!binding.body && !binding.query && !http.uuidParams?.length && !ruleParams.length && !http.ifMatch)
    return undefined;
  const Base = (binding.body ?? binding.query ?? class {}) as new () => object;
  class GrpcRequest extends Base {}
  Object.defineProperty(GrpcRequest, 'name', { value: `${rpc.split('.')[1] ?? rpc}GrpcRequest` });
  for (const name of http.uuidParams ?? []) IsUUID()(GrpcRequest.prototype, name);
  for (const [name, rule] of ruleParams) Follows(rule)(GrpcRequest.prototype, name);
  if (http.ifMatch) ExpectedVersion()(GrpcRequest.prototype, 'expectedVersion');
  GRPC_CLASSES.set(rpc, GrpcRequest);
  return GrpcRequest;
}

/** The request an RPC gets when its binding says nothing else: every part of the REST call, merged. */
export function defaultRequest(binding: RouteBinding, input: RouteInput): object {
  const paged = binding.query !== undefined && binding.query.prototype instanceof LimitQuery;
  const { bodyField } = declarationOf(binding.rpc).http;
  return {
    ...input.params,
    ...input.query,
    ...(paged ? { limit: (input.query['limit'] as number | undefined) ?? DEFAULT_PAGE_SIZE } : {}),
    ...(bodyField ? { [bodyField]: input.body } : input.body),
    ...(input.expectedVersion === undefined ? {} : { expectedVersion: input.expectedVersion }),
  };
}

/**
 * A controller serving `bindings`, one handler each, built from their declarations: no hand-written method per
 * route. Handlers are plain functions given Nest's parameter decorators, so validation (the body and query
 * classes), guards, interceptors and the OpenAPI explorer see them as any other route.
 */
export function controllerOf(tag: string, bindings: readonly RouteBinding[]): Type<unknown> {
  for (const binding of bindings) BOUND.set(binding.rpc, binding);
  @ApiTags(tag)
  @Controller()
  class DeclaredRoutes {
    constructor(@Inject(Upstream) readonly upstream: Upstream) {}
  }
  Object.defineProperty(DeclaredRoutes, 'name', {
    value: `${tag.replace(/(^|-)(\w)/g, (_, _d, c: string) => c.toUpperCase())}Routes`,
  });
  const prototype = DeclaredRoutes.prototype as unknown as Record<string, unknown>;
  for (const binding of bindings) {
    const name = binding.rpc.replace('.', '_');
    // Named as its key: the OpenAPI explorer finds a handler's parameters by the function's name.
    prototype[name] = Object.defineProperty(handlerOf(binding), 'name', { value: name });
    const parameters: [ParameterDecorator, unknown][] = [
      [Req(), Object],
      [Res({ passthrough: true }), Object],
      ...(binding.body ? ([[Body(), binding.body]] as [ParameterDecorator, unknown][]) : []),
      ...(binding.query ? ([[Query(), binding.query]] as [ParameterDecorator, unknown][]) : []),
    ];
    parameters.forEach(([decorate], index) => decorate(DeclaredRoutes.prototype, name, index));
    Reflect.defineMetadata(
      'design:paramtypes',
      parameters.map(([, type]) => type),
      DeclaredRoutes.prototype,
      name,
    );
    const descriptor = Object.getOwnPropertyDescriptor(DeclaredRoutes.prototype, name);
    if (descriptor)
      Endpoint(binding.rpc, { type: binding.answer })(DeclaredRoutes.prototype, name, descriptor);
  }
  return DeclaredRoutes;
}

function handlerOf(binding: RouteBinding) {
  const { http, access } = declarationOf(binding.rpc);
  return async function handle(
    this: { upstream: Upstream },
    req: AccessRequest,
    res: HttpResponse,
    ...rest: unknown[]
  ): Promise<unknown> {
    const { params } = req;
    for (const name of http.uuidParams ?? [])
      if (!RULES.uuid.accepts(params[name] ?? ''))
        throw new ProblemError('VALIDATION', `${name} must be a UUID`, [
          { path: name, message: 'must be a UUID' },
        ]);
    for (const [name, rule] of Object.entries(http.ruleParams ?? {}))
      if (!rule.accepts(params[name] ?? ''))
        throw new ProblemError('VALIDATION', `${name} ${rule.message}`, [
          { path: name, message: rule.message },
        ]);
    const body = (binding.body ? rest.shift() : undefined) ?? {};
    const query = (binding.query ? rest.shift() : undefined) ?? {};
    const input: RouteInput = {
      params,
      body: body as Record<string, unknown>,
      query: query as Record<string, unknown>,
      expectedVersion: http.ifMatch ? parseIfMatch(headerOf(req, 'if-match')) : undefined,
    };
    const request = binding.request
      ? (binding.request as (input: RouteInput) => object)(input)
      : defaultRequest(binding, input);
    const caller = access === PUBLIC ? undefined : callContextOfRequest(req);
    const reply = await this.upstream.call<unknown>(binding.rpc, request, caller);
    const view = binding.view ? (binding.view as (reply: unknown) => unknown)(reply) : reply;
    const id = (view as { id?: unknown } | null)?.id;
    if (http.location && typeof id === 'string')
      res.setHeader('Location', `/api/v1/${http.path}/${encodeURIComponent(id)}`);
    if (http.etag && binding.etag)
      res.setHeader('ETag', etagOf((binding.etag as (view: unknown) => number)(view)));
    return http.etag && !binding.etag ? withEtag(res, view as { version: number }) : view;
  };
}
