import type { Type } from '@nestjs/common';
import type { Rpc } from '@serviceops/contracts';
import { handledBy, type CallContext, type Handler } from '@serviceops/platform';

/**
 * The method that handles `rpc` on a handler instance, called as the gRPC controller calls it: a use case served
 * by its aggregate's generic handler (`handlesUseCases`) has no method of its own to call by name.
 */
export function handlerOf(
  handlers: object,
  rpc: Rpc,
): (request: object, call: CallContext) => Promise<Record<string, unknown>> {
  const found = handledBy(handlers.constructor as Type).find((handled) => handled.rpc === rpc);
  if (!found) throw new Error(`${handlers.constructor.name} does not handle ${rpc}`);
  const method = (handlers as Record<string, Handler>)[found.property] as Handler;
  return (request, call) => method.call(handlers, request, call) as Promise<Record<string, unknown>>;
}
