import { status as GrpcStatus } from '@grpc/grpc-js';
import { Logger, type INestApplicationContext, type Type } from '@nestjs/common';
import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import {
  API,
  GRPC_SERVICES,
  PROTO_LOADER_OPTIONS,
  PUBLIC,
  type Declaration,
  type GrpcServiceName,
} from '@serviceops/contracts';
import { loadSync, type IConversionOptions, type Type as MessageType } from 'protobufjs';
import type { CallContext } from './command';
import { codeOf } from './errors';
import { toGrpcError, type GrpcError } from './grpc';
import { handlerTable, requestOf, type Handler } from './handles';
import { userNeeded } from './internal-call.guard';

/** How messages are shaped on both sides of a gRPC call (the options proto-loader decodes with). */
const CONVERSION: IConversionOptions = {
  longs: String,
  enums: String,
  defaults: PROTO_LOADER_OPTIONS.defaults,
  arrays: PROTO_LOADER_OPTIONS.arrays,
  objects: PROTO_LOADER_OPTIONS.objects,
  oneofs: PROTO_LOADER_OPTIONS.oneofs,
};

interface LocalMethod {
  readonly handle: Handler;
  readonly declaration: Declaration;
  readonly request: MessageType;
  readonly response: MessageType;
}

const tracer = trace.getTracer('serviceops-in-process');
const logger = new Logger('in-process');

/**
 * A message as the other side of a gRPC call would see it, without encoding it: fields the proto does not
 * define dropped, numbers, enums and lists converted as proto-loader decodes them.
 */
function asMessage(type: MessageType, value: unknown): Record<string, unknown> {
  return type.toObject(type.fromObject(value ?? {}), CONVERSION);
}

/**
 * The error a gRPC call would have failed with: the status from the one mapping, the problem in the details. An
 * error that is no problem (a bug) is logged with its stack, as the gRPC controllers' filter does.
 */
function callError(error: unknown): GrpcError & Error {
  if (!codeOf(error)) logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  return Object.assign(new Error(), toGrpcError(error));
}

/**
 * The services running in this process, called the way the gateway calls them over gRPC: the same caller the
 * gateway signs into the internal token (none for a public method; none where one is needed is UNAUTHENTICATED), the path UUIDs checked by the declaration, the request and the
 * answer shaped by the proto, the same error mapping, a deadline and a span, but no encoding and no socket.
 */
export class LocalServices {
  private readonly services = new Map<GrpcServiceName, ReadonlyMap<string, LocalMethod>>();

  /** Adds a started service: its `@Handles` methods, taken from its app. */
  add(service: GrpcServiceName, app: INestApplicationContext, providers: readonly Type[]): void {
    const { package: pkg, service: name, proto } = GRPC_SERVICES[service];
    const definition = loadSync(proto).lookupService(`${pkg}.${name}`);
    const declarations = API[service] as Readonly<Record<string, Declaration>>;
    const methods = new Map<string, LocalMethod>();
    for (const [method, { provider, property }] of handlerTable(service, providers)) {
      const target = app.get<Type, Record<string, Handler>>(providers[provider] as Type, { strict: false });
      const rpc = definition.methods[method];
      if (!rpc?.resolvedRequestType || !rpc.resolvedResponseType)
        throw new Error(`${proto} has no method ${method}`);
      methods.set(method, {
        handle: (target[property] as Handler).bind(target),
        declaration: declarations[method] as Declaration,
        request: rpc.resolvedRequestType,
        response: rpc.resolvedResponseType,
      });
    }
    this.services.set(service, methods);
  }

  has(service: GrpcServiceName): boolean {
    return this.services.has(service);
  }

  /** Calls a method in this process; fails as the gRPC call would (an error with `code` and `details`). */
  async invoke(
    service: GrpcServiceName,
    method: string,
    request: unknown,
    caller: CallContext | undefined,
    deadline: Date,
  ): Promise<unknown> {
    const local = this.services.get(service)?.get(method);
    if (!local) throw callError(new Error(`no method ${service}.${method} here`));
    const name = `${GRPC_SERVICES[service].package}.${GRPC_SERVICES[service].service}/${method}`;
    return tracer.startActiveSpan(
      name,
      {
        kind: SpanKind.SERVER,
        attributes: { 'rpc.system': 'in-process', 'rpc.service': service, 'rpc.method': method },
      },
      async (span) => {
        let timer: NodeJS.Timeout | undefined;
        try {
          // As the service's guard: a method that is not public needs a user; a public one is called without.
          if (!caller && local.declaration.access !== PUBLIC) throw userNeeded(method);
          const call = local.declaration.access === PUBLIC ? undefined : caller;
          const handled = local.handle(requestOf(local.declaration, asMessage(local.request, request)), call);
          const expired = new Promise<never>((_, reject) => {
            timer = setTimeout(
              () =>
                reject(
                  Object.assign(new Error('Deadline exceeded'), {
                    code: GrpcStatus.DEADLINE_EXCEEDED,
                    details: `Deadline exceeded after ${name}`,
                  }),
                ),
              Math.max(0, deadline.getTime() - Date.now()),
            );
          });
          return asMessage(local.response, await Promise.race([handled, expired]));
        } catch (error) {
          const failed =
            (error as { code?: unknown }).code === GrpcStatus.DEADLINE_EXCEEDED ? error : callError(error);
          span.setStatus({ code: SpanStatusCode.ERROR, message: (failed as Error).message });
          throw failed;
        } finally {
          clearTimeout(timer);
          span.end();
        }
      },
    );
  }
}
