import 'reflect-metadata';
import type { Metadata } from '@grpc/grpc-js';
import { Controller, Inject, UseFilters, type Type } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import {
  API,
  GRPC_SERVICES,
  PUBLIC,
  splitRpc,
  type Declaration,
  type GrpcServiceName,
  type Rpc,
} from '@serviceops/contracts';
import { isUuid, newId, type Caller, type Command, type UseCase } from '@serviceops/kernel';
import type { CallContext } from './command';
import { ProblemError } from './errors';
import { callContextOf, GrpcProblemFilter } from './grpc';

const HANDLED = Symbol('serviceops:handled');

interface HandledMethod {
  readonly rpc: Rpc;
  readonly property: string;
  /** Bound by `handlesUseCases`: a method written for the same rpc, on any class of the service, takes its place. */
  readonly generic?: true;
}

/**
 * Marks the method that handles one declared method of the published API (`'<service>.<Method>'`). It is
 * called with the request as the service's proto decodes it (path UUIDs checked and lower-cased, see
 * `requestOf`) and the caller (absent for a public method such as `tenancy.Authenticate`).
 */
export function Handles(rpc: Rpc): MethodDecorator {
  return (target, property) => mark(target.constructor, { rpc, property: String(property) });
}

function mark(owner: object, handled: HandledMethod): void {
  const marked = (Reflect.getOwnMetadata(HANDLED, owner) as HandledMethod[] | undefined) ?? [];
  Reflect.defineMetadata(HANDLED, [...marked, handled], owner);
}

/** What a use case's `handles` names: the declared method and how its request becomes the command. */
type Mapped = Pick<UseCase<Command, never, never, never>, 'command' | 'handles'>;

/** The command a use case's mapping makes of a request. */
export type MappedCommand<U> = U extends {
  readonly handles?: { readonly command: (...args: never[]) => infer C };
}
  ? C
  : never;

/** A use case's request → command mapping, given the caller and a fresh id (`Caller`). */
function mappingOf({ command, handles }: Mapped): (request: object, call: CallContext) => Command {
  if (!handles) throw new Error(`${command} has no \`handles\`: nothing says which request it serves`);
  const toCommand = handles.command as (request: object, caller: Caller) => Command;
  return (request, call) => toCommand(request, { actorId: call?.actorId ?? '', newId: newId() });
}

/** Marks the generated method `property` of `target` as serving `rpc`. */
function serve(target: Type, rpc: string, property: string, value: Handler, generic?: true): void {
  Object.defineProperty(target.prototype, property, { value, writable: true, configurable: true });
  mark(target, { rpc: rpc as Rpc, property, ...(generic ? { generic } : {}) });
}

/**
 * Binds a method that does more than one stream's load → decide → append (a new key, two streams, a lookup) to
 * the use case whose declared method it serves. The request is mapped by the use case's `handles`, as for every
 * other command, and the method takes the command made of it, the request (for its If-Match) and the caller:
 * it never re-maps the request. The method keeps its own signature; the transports call a method made beside it.
 */
export function HandlesUseCase<U extends Mapped>(useCase: U) {
  const map = mappingOf(useCase);
  const rpc = (useCase.handles as { rpc: string }).rpc;
  return <M extends (command: MappedCommand<U>, request: never, call: CallContext) => Promise<unknown>>(
    target: object,
    property: string | symbol,
    _descriptor: TypedPropertyDescriptor<M>,
  ): void => {
    const name = String(property);
    serve(
      target.constructor as Type,
      rpc,
      `serve${useCase.command}`,
      async function (this: object, request, call) {
        const method = (this as Record<string, Handler>)[name] as (...args: unknown[]) => Promise<unknown>;
        return method.call(this, map(request, call as CallContext), request, call);
      },
    );
  };
}

/**
 * Gives `target` a `@Handles` method for each use case with `handles`: its request becomes the use case's command,
 * which `handle` loads, decides and appends like any other of the class. A new command of the aggregate is then
 * served without a method written for it. A use case bound to a method by `@HandlesUseCase`, on this class or
 * another of the service, is left to that method (the handler table prefers it).
 */
export function handlesUseCases<T>(
  target: Type<T>,
  useCases: readonly Mapped[],
  handle: (
    this: T,
    command: Command,
    request: { readonly expectedVersion?: number },
    call: CallContext,
  ) => Promise<unknown>,
): void {
  const bound = new Set(handledBy(target).map(({ rpc }) => rpc as string));
  for (const useCase of useCases) {
    if (!useCase.handles || bound.has(useCase.handles.rpc)) continue;
    const map = mappingOf(useCase);
    const generic: Handler = async function (this: T, request, call) {
      return handle.call(this, map(request, call as CallContext), request, call as CallContext);
    };
    serve(target, useCase.handles.rpc, `handle${useCase.command}`, generic, true);
  }
}

/** What `@Handles` marked on a class. */
export function handledBy(provider: Type): readonly HandledMethod[] {
  return (Reflect.getOwnMetadata(HANDLED, provider) as HandledMethod[] | undefined) ?? [];
}

/** A handler as the transports call it. */
export type Handler = (request: object, call: CallContext | undefined) => Promise<unknown>;

/**
 * The request a handler receives: each UUID the declared route takes in its path checked, in the field it
 * travels in (`paramFields`), (a malformed one names nothing, so 404 as another tenant's record would) and
 * lower-cased, the rest as decoded.
 */
export function requestOf(declaration: Declaration, request: object): object {
  const params = declaration.http.uuidParams ?? [];
  if (params.length === 0) return request;
  const checked: Record<string, unknown> = { ...request };
  for (const param of params) {
    const field = declaration.http.paramFields?.[param] ?? param;
    const value = checked[field];
    if (typeof value !== 'string' || !isUuid(value)) throw new ProblemError('NOT_FOUND', 'no such record');
    checked[field] = value.toLowerCase();
  }
  return checked;
}

/** Which provider and method handle each of a service's declared methods; fails on a gap or a duplicate. */
export function handlerTable(
  service: GrpcServiceName,
  providers: readonly Type[],
): ReadonlyMap<string, { readonly provider: number; readonly property: string }> {
  const table = new Map<string, { provider: number; property: string; generic?: true }>();
  providers.forEach((provider, index) => {
    for (const { rpc, property, generic } of handledBy(provider)) {
      const { service: owner, method } = splitRpc(rpc);
      if (owner !== service)
        throw new Error(`${provider.name}.${property} handles ${rpc}, not a ${service} method`);
      if (!Object.hasOwn(API[service], method)) throw new Error(`${rpc} is not declared (${provider.name})`);
      const taken = table.get(method);
      // A written method and a generic binding: the written one serves. Two of a kind are a mistake.
      if (taken && !taken.generic === !generic) throw new Error(`${rpc} has two handlers`);
      if (taken && generic) continue;
      table.set(method, { provider: index, property, ...(generic ? { generic } : {}) });
    }
  });
  const missing = Object.keys(API[service]).filter((method) => !table.has(method));
  if (missing.length > 0) throw new Error(`${service}: no handler for ${missing.join(', ')}`);
  return new Map([...table].map(([method, { provider, property }]) => [method, { provider, property }]));
}

/**
 * The service's gRPC controller, derived: one method per declaration of the service, each taking the caller from
 * the metadata, checking the path UUIDs and calling the `@Handles` method. Nothing maps a request by hand.
 */
export function grpcControllerOf(service: GrpcServiceName, providers: readonly Type[]): Type {
  const table = handlerTable(service, providers);
  const declarations = API[service] as Readonly<Record<string, Declaration>>;

  class DeclaredGrpcController {
    readonly handlers: readonly object[];
    constructor(...handlers: object[]) {
      this.handlers = handlers;
    }
  }
  providers.forEach((provider, index) => Inject(provider)(DeclaredGrpcController, undefined, index));
  Object.defineProperty(DeclaredGrpcController, 'name', { value: `${GRPC_SERVICES[service].service}Grpc` });

  for (const [method, { provider, property }] of table) {
    const declaration = declarations[method] as Declaration;
    const open = declaration.access === PUBLIC;
    const handle = function (this: DeclaredGrpcController, request: object, metadata: Metadata) {
      const call = open ? undefined : callContextOf(metadata);
      const target = this.handlers[provider] as Record<string, Handler>;
      return (target[property] as Handler).call(target, requestOf(declaration, request ?? {}), call);
    };
    Object.defineProperty(DeclaredGrpcController.prototype, method, {
      value: handle,
      writable: true,
      configurable: true,
    });
    GrpcMethod(GRPC_SERVICES[service].service, method)(
      DeclaredGrpcController.prototype,
      method,
      Object.getOwnPropertyDescriptor(DeclaredGrpcController.prototype, method) as PropertyDescriptor,
    );
  }
  Controller()(DeclaredGrpcController);
  UseFilters(GrpcProblemFilter)(DeclaredGrpcController);
  return DeclaredGrpcController;
}
