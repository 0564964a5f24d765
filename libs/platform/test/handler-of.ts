import type { INestApplicationContext, Type } from '@nestjs/common';
import { splitRpc, type Rpc } from '@serviceops/contracts';
import { handledBy, handlerTable, type CallContext, type Handler } from '../src';

/** A declared method as a spec calls it: the request as gRPC decodes it, and the caller. */
export type Served<Answer> = (request: object, call: CallContext) => Promise<Answer>;

/**
 * The method serving `rpc`, called as the service's gRPC controller calls it, whichever it is: a `@Handles` method
 * or one bound to a use case with `handles` by `handlesUseCases` (which has no name to call it by). Found on a
 * handlers instance, or in a booted service (`app`) through the service's handler table, built from its
 * definition's `handlers` as the gRPC controller's is.
 */
export function handlerOf<Answer = Record<string, unknown>>(handlers: object, rpc: Rpc): Served<Answer>;
export function handlerOf<Answer = Record<string, unknown>>(
  app: INestApplicationContext,
  rpc: Rpc,
  service: { readonly handlers: readonly Type[] },
): Served<Answer>;
export function handlerOf<Answer>(
  on: object,
  rpc: Rpc,
  service?: { readonly handlers: readonly Type[] },
): Served<Answer> {
  const target = service ? providerOf(on as INestApplicationContext, rpc, service.handlers) : on;
  const found = handledBy(target.constructor as Type).find((handled) => handled.rpc === rpc);
  if (!found) throw new Error(`${target.constructor.name} does not handle ${rpc}`);
  const method = (target as Record<string, Handler>)[found.property] as Handler;
  return (request, call) => method.call(target, request, call) as Promise<Answer>;
}

/** The instance of the class the service's handler table names for `rpc`. */
function providerOf(app: INestApplicationContext, rpc: Rpc, providers: readonly Type[]): object {
  const { service, method } = splitRpc(rpc);
  const served = handlerTable(service, providers).get(method);
  const provider = served && providers[served.provider];
  if (!provider) throw new Error(`${rpc} is not a declared method of ${service}`);
  return app.get<Type, object>(provider, { strict: false });
}
